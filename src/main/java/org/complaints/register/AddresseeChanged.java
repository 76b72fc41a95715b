package org.complaints.register;

/**
 * Published, in the transaction that corrects them, when the person a complaint's communications go to or how
 * they are reached changed: whatever waits to be delivered (a letter to print, a call to make) follows the
 * corrected addressee, and the listeners count what they changed for the complaint's timeline.
 */
public final class AddresseeChanged {

    private final Complaint complaint;
    private final Addressee before;
    private int lettersReproduced;
    private int callsReaddressed;

    /**
     * @param complaint the complaint as corrected
     * @param before who was addressed before the correction
     */
    public AddresseeChanged(Complaint complaint, Addressee before) {
        this.complaint = complaint;
        this.before = before;
    }

    public Complaint complaint() {
        return complaint;
    }

    public Addressee before() {
        return before;
    }

    public Addressee after() {
        return complaint.addressee();
    }

    public void lettersReproduced(int count) {
        lettersReproduced += count;
    }

    public void callsReaddressed(int count) {
        callsReaddressed += count;
    }

    /** Waiting letters laid out again for the corrected addressee. */
    public int lettersReproduced() {
        return lettersReproduced;
    }

    /** Calls not yet made that now name the corrected addressee and number. */
    public int callsReaddressed() {
        return callsReaddressed;
    }
}
