package org.complaints.register;

import java.util.List;

/**
 * The ways a complaint reaches the organisation (ISO 10002 4.5, 7.2), as the register, the process variable
 * {@code channel}, the reports and the metrics name them. Told apart so that integrations using the JSON API are
 * not counted as the web form, and complaints taken by staff show how they came in.
 */
public final class Channels {

    /** The public web form. */
    public static final String WEB = "web";
    /** The JSON API (other front ends and integrations). */
    public static final String API = "api";
    /** The complaints mailbox, or an e-mail a member of staff registers. */
    public static final String EMAIL = "email";

    public static final String PHONE = "phone";
    public static final String LETTER = "letter";
    public static final String IN_PERSON = "in-person";

    /** Every channel, in the order reports list them. */
    public static final List<String> ALL = List.of(WEB, API, EMAIL, PHONE, LETTER, IN_PERSON);

    private Channels() {}
}
