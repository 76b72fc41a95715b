package org.complaints.engine.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The token a staff page's form carries (field {@value #FIELD}) so that a changing request may be signed in with
 * the webapps' session: only a page the application served to this session knows it, so a page of another site
 * that makes the browser post cannot act as the member of staff (cross-site request forgery).
 */
public final class StaffFormToken {

    /** The form field that carries the token. */
    public static final String FIELD = "_csrf";

    private static final String SESSION_ATTRIBUTE = StaffFormToken.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffFormToken() {}

    /** The session's token, made on first use; a form of a staff page puts it in its {@value #FIELD} field. */
    public static String of(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(SESSION_ATTRIBUTE);
            if (token instanceof String known) {
                return known;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String made = HexFormat.of().formatHex(bytes);
            session.setAttribute(SESSION_ATTRIBUTE, made);
            return made;
        }
    }

    /** Whether the request carries its session's token (compared in constant time). */
    public static boolean carried(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        String sent = request.getParameter(FIELD);
        return expected instanceof String token
                && sent != null
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }
}
