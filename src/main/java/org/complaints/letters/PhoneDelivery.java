package org.complaints.letters;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Addressee;
import org.complaints.register.Complaint;
import org.complaints.register.EventLog;
import org.complaints.register.EventOrigin;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Component;

/**
 * Phone: the message becomes a call to make ({@code processes/complainant-call.bpmn}), offered to the complaint's
 * handling group (complaint intake before it has one). What to say stays in {@code cmp_call} and whom to call in
 * the register: the process carries only the call's id, the reference and the group, because process variables
 * stay in the engine's history, outside the register's anonymisation. Staff read both on the task's Complaint tab.
 */
@Component
public class PhoneDelivery extends StaffDelivery {

    static final String WAY = "phone";
    static final String PROCESS_KEY = "complainant-call";

    private final Calls calls;
    private final EventLog events;
    private final RuntimeService runtime;
    private final EngineAuthority authority;

    public PhoneDelivery(Calls calls, EventLog events, RuntimeService runtime, EngineAuthority authority, Clock clock) {
        super(WAY, clock);
        this.calls = calls;
        this.events = events;
        this.runtime = runtime;
        this.authority = authority;
    }

    @Override
    boolean exists(String reference, String dedupKey) {
        return calls.exists(reference, dedupKey);
    }

    @Override
    void produce(Complaint complaint, Addressee to, OutgoingMail message, Instant now) {
        long id = calls.add(complaint.id(), message, now);
        Map<String, Object> variables = new HashMap<>();
        variables.put("callId", id);
        variables.put("reference", message.reference());
        variables.put("callGroup", complaint.handlingGroup() == null ? StaffGroups.INTAKE : complaint.handlingGroup());
        authority.withoutAuthorization(() -> {
            runtime.startProcessInstanceByKey(PROCESS_KEY, message.reference() + "/" + message.dedupKey(), variables);
        });
        events.append(
                complaint.id(),
                "CALL_QUEUED",
                "system",
                queued("Call about '" + message.template() + "' (" + message.language() + ") to make to", to),
                "subject: " + message.subject(),
                EventOrigin.mail(message.template()));
    }
}
