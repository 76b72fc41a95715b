package org.complaints.letters;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.mail.ComplainantDelivery;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Addressee;
import org.complaints.register.Complaint;
import org.complaints.register.EventLog;
import org.complaints.register.EventOrigin;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Component;

/**
 * Phone: the message becomes a call to make ({@code processes/complainant-call.bpmn}), offered to the complaint's
 * handling group (complaint intake before it has one), with what to say: the e-mail's text in the addressee's
 * language. Produced once per reference and dedup key, in the step's transaction.
 */
@Component
public class PhoneDelivery implements ComplainantDelivery {

    static final String WAY = "phone";
    static final String PROCESS_KEY = "complainant-call";

    private final Calls calls;
    private final EventLog events;
    private final RuntimeService runtime;
    private final EngineAuthority authority;
    private final Clock clock;

    public PhoneDelivery(Calls calls, EventLog events, RuntimeService runtime, EngineAuthority authority, Clock clock) {
        this.calls = calls;
        this.events = events;
        this.runtime = runtime;
        this.authority = authority;
        this.clock = clock;
    }

    @Override
    public String way() {
        return WAY;
    }

    @Override
    public boolean produced(String reference, String dedupKey) {
        return calls.exists(reference, dedupKey);
    }

    @Override
    public boolean deliver(Complaint complaint, OutgoingMail message) {
        if (calls.exists(message.reference(), message.dedupKey())) {
            return false;
        }
        long id = calls.add(complaint.id(), message, clock.instant());
        Addressee to = complaint.addressee();
        events.append(
                complaint.id(),
                "CALL_QUEUED",
                "system",
                "Call about '" + message.template() + "' (" + message.language() + ") to make to "
                        + (to.representative() ? "the representative" : "the complainant"),
                "subject: " + message.subject(),
                EventOrigin.mail(message.template()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("callId", id);
        variables.put("reference", message.reference());
        variables.put("callGroup", complaint.handlingGroup() == null ? StaffGroups.INTAKE : complaint.handlingGroup());
        variables.put("callName", to.name());
        variables.put("callPhone", to.phone());
        variables.put("callSubject", message.subject());
        variables.put("callScript", message.body());
        authority.withoutAuthorization(() -> {
            runtime.startProcessInstanceByKey(PROCESS_KEY, message.reference() + "/" + message.dedupKey(), variables);
        });
        return true;
    }
}
