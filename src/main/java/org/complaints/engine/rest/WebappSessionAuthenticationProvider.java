package org.complaints.engine.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Staff who signed in to Cockpit or Tasklist open the reports and evidence pages without signing in again: the
 * webapps' session names the user. Only for reading (GET, HEAD), and for a form a staff page of this application
 * sends to a staff page (a POST under /staff/ the browser marks {@code Sec-Fetch-Site: same-origin}, with no other
 * origin): any other changing call still needs HTTP Basic, so a page of another site can never act with the
 * session. Without a session, HTTP Basic as on /engine-rest.
 */
public class WebappSessionAuthenticationProvider implements AuthenticationProvider {

    /** Where a signed-out person opening a staff page signs in: Cockpit, the webapp of those who read reports. */
    static final String SIGN_IN = "/camunda/app/cockpit/default/";

    private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

    /**
     * A page of /staff/ read without credentials and without a webapps' session: a person in a browser who has
     * not signed in (or whose session ended), not an API client, which sends HTTP Basic.
     */
    static boolean signedOutPersonOnPage(HttpServletRequest request) {
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!reading || !path.startsWith("/staff/") || request.getHeader("Authorization") != null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session == null
                || AuthenticationUtil.getAuthsFromSession(session)
                        .getAuthentications()
                        .isEmpty();
    }

    /** A form sent by a page of this application to a staff page, as the browser vouches for it. */
    static boolean sameOriginPageForm(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"POST".equals(request.getMethod()) || !path.startsWith("/staff/")) {
            return false;
        }
        if (!"same-origin".equals(request.getHeader("Sec-Fetch-Site"))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            return request.getServerName()
                    .equalsIgnoreCase(java.net.URI.create(origin).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if ((reading || sameOriginPageForm(request)) && request.getHeader("Authorization") == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
                Authentication user = signedIn.getAuthenticationForProcessEngine(engine.getName());
                if (user != null && user.getName() != null) {
                    return AuthenticationResult.successful(user.getName());
                }
            }
        }
        return basic.extractAuthenticatedUser(request, engine);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        basic.augmentResponseByAuthenticationChallenge(response, engine);
    }
}
