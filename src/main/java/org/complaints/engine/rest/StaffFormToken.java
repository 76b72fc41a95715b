package org.complaints.engine.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The token that lets a form on a staff page (/staff/...) post with the webapps' session: a random value kept in
 * the session and written into each form. A page of another site cannot read it, so it cannot make a signed-in
 * browser post (cross-site request forgery); a post without it needs HTTP Basic like any API call.
 */
public final class StaffFormToken {

    /** The form field that carries the token. */
    public static final String PARAMETER = "_csrf";

    private static final String ATTRIBUTE = StaffFormToken.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffFormToken() {}

    /** The session's token, made on first use. */
    public static String of(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String existing) {
                return existing;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, created);
            return created;
        }
    }

    /**
     * Refuses (403) a form post without its session's token, whatever signed the request in: a browser that keeps
     * HTTP Basic credentials would otherwise send them with another site's form.
     */
    public static void require(HttpServletRequest request) {
        if (!carriedBy(request)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "This form has expired or was not sent from the complaint file; reload it.");
        }
    }

    /** Whether a form post carries its session's token (compared in constant time). */
    public static boolean carriedBy(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(PARAMETER);
        if (session == null || sent == null) {
            return false;
        }
        Object expected = session.getAttribute(ATTRIBUTE);
        return expected instanceof String token
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
