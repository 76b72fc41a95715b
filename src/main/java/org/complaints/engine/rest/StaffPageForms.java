package org.complaints.engine.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Forms on staff pages (/staff/...) that change something, e.g. marking a letter posted: the page carries a token
 * kept in the signed-in person's session, and a POST to /staff/ signs in with that session only when it sends
 * the token back as the form field {@value #FIELD} (synchroniser token: a page of another site cannot read it, so
 * it cannot make a staff member's browser act; the SameSite=Strict session cookie is the second line).
 */
public final class StaffPageForms {

    /** The form field that carries the token. */
    public static final String FIELD = "_csrf";

    static final String SESSION_ATTRIBUTE = StaffPageForms.class.getName() + ".token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffPageForms() {}

    /** The token for the forms of this person's pages, created with their session's first form. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "";
        }
        Object token = session.getAttribute(SESSION_ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_ATTRIBUTE, token);
        }
        return (String) token;
    }

    /** A POST to a staff page whose form sent back its session's token. */
    static boolean tokenMatches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"POST".equals(request.getMethod()) || !path.startsWith("/staff/")) {
            return false;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        String sent = request.getParameter(FIELD);
        return expected instanceof String token
                && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
