package org.complaints.complaintfile;

import java.util.List;

/**
 * The calls still to make to a complainant who prefers phone, as the complaint file shows them to the staff who
 * call (the call task's Complaint tab): whom to call, the number and what to say. Offered by the concern that makes
 * calls, which depends on the complaint file, not the other way round.
 */
public interface CallsToMake {

    /**
     * One call to make.
     *
     * @param representative whether {@code name} is the complainant's representative
     * @param script what to say, with the dates counted from today
     */
    record CallToMake(long id, String subject, String name, String phone, boolean representative, String script) {}

    /** The complaint's open calls, oldest first; none for an unknown reference. */
    List<CallToMake> open(String reference);
}
