package org.complaints.mail;

/**
 * How a message reached the complainant, as the event log and the evidence record name it (ISO 10002 7.8: what
 * was communicated, and how): a sent e-mail, a posted letter or a call that reached them.
 */
public enum DeliveryWay {
    EMAIL("by e-mail"),
    LETTER("by letter"),
    PHONE("by phone call");

    private final String words;

    DeliveryWay(String words) {
        this.words = words;
    }

    /** "by e-mail", "by letter", "by phone call": for an event's text. */
    public String words() {
        return words;
    }
}
