package org.complaints.engine.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.complaints.support.SecretBytes;

/**
 * The token that lets a form of a staff page (the complaint file's actions) act with the webapps' session: a
 * secret of the session, written into the page's forms and sent back as the field {@value #FIELD}. A page of
 * another site cannot read it, so it cannot make a signed-in browser post such a form (cross-site request forgery).
 */
public final class StaffFormTokens {

    public static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = StaffFormTokens.class.getName();

    private StaffFormTokens() {}

    /** The session's token, made on first use. */
    public static String of(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token == null) {
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(SecretBytes.next(32));
                session.setAttribute(ATTRIBUTE, token);
            }
            return (String) token;
        }
    }

    /** A form POST to a staff page that carries its session's token. */
    static boolean carried(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"POST".equals(request.getMethod()) || !path.startsWith("/staff/")) {
            return false;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(ATTRIBUTE);
        String sent = request.getParameter(FIELD);
        return expected instanceof String token
                && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
