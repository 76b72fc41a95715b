package org.complaints.register;

import java.util.Map;

/**
 * Where every entry of the {@link EventLog} is audited as well, in the same transaction (ISO 10002 4.12). The
 * audit log implements it; the register does not depend on how the audit trail is kept.
 */
public interface EventAudit {

    /** @param action the event's type, prefixed as the audit log names application actions */
    void complaintEvent(long complaintId, String actor, String action, Map<String, ?> entry);
}
