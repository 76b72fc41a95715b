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
 * webapps' session names the user. Only for reading (GET, HEAD): a changing call still needs HTTP Basic, so a
 * page of another site can never act with the session. Without a session, HTTP Basic as on /engine-rest.
 */
public class WebappSessionAuthenticationProvider implements AuthenticationProvider {

    private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (reading && request.getHeader("Authorization") == null) {
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
