package org.complaints.response;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.complaints.deadlines.Deadlines;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.springframework.stereotype.Component;

/**
 * The period to react to a decision counts from when the decision reached the complainant (ISO 10002 7.8, 7.9):
 * for a letter its posting date, for a call the moment they were reached. The step set the timer from when it ran;
 * a later delivery moves the timer ({@code Event_NoReaction}) and {@code reactionDeadline}, which the status page
 * shows, to the end of the period counted from the delivery. Never earlier: a complainant keeps the date they
 * were given.
 */
@Component
class ReactionPeriod {

    static final String TIMER = "Event_NoReaction";
    static final String VARIABLE = "reactionDeadline";

    private final ComplaintRegister register;
    private final Deadlines deadlines;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final EngineAuthority authority;

    ReactionPeriod(
            ComplaintRegister register,
            Deadlines deadlines,
            ManagementService management,
            RuntimeService runtime,
            EngineAuthority authority) {
        this.register = register;
        this.deadlines = deadlines;
        this.management = management;
        this.runtime = runtime;
        this.authority = authority;
    }

    void countFrom(long complaintId, Instant deliveredAt) {
        Complaint complaint = register.get(complaintId);
        String instance = complaint.processInstanceId();
        if (instance == null) {
            return;
        }
        Date until = deadlines.reactionDeadline(deliveredAt);
        authority.withoutAuthorization(() -> {
            Job timer = management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .activityId(TIMER)
                    .timers()
                    .singleResult();
            if (timer == null || timer.getDuedate() == null || !until.after(timer.getDuedate())) {
                return;
            }
            management.setJobDuedate(timer.getId(), until);
            runtime.setVariable(instance, VARIABLE, until);
        });
    }
}
