package org.complaints.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers for the application's own pages and API: only our own assets, no framing, no content
 * sniffing, and no Referer that could carry a tracking token to another site. The Camunda webapps and REST API
 * set their own content policy and nosniff; they get no framing and HSTS here (HSTS only when served over
 * HTTPS, which behind a proxy is known from its X-Forwarded-Proto, believed only from the configured proxies).
 *
 * <p>Pages and answers with personal data or a tracking token in their address (staff pages and API, the
 * subject-access export, the complainant's status page and API) are never stored by a browser or proxy cache.
 * The REST API gets nosniff, and its file downloads ({@code .../data}) are downloads, never rendered. Set first,
 * so refusals of the sign-in filters carry them as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PublicPageHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (!path.startsWith("/camunda/") && !path.startsWith("/engine-rest")) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        if (path.startsWith("/engine-rest")) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (path.endsWith("/data")) {
                // the engine's own disposition (with the file name), if it sets one, replaces this
                response.setHeader("Content-Disposition", "attachment");
            }
        }
        if (isPrivate(path)) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (framedByTheWebapps(path)) {
            // the complaint file and the search are shown inside Tasklist and Cockpit, which are served from here
            response.setHeader("Content-Security-Policy", FRAMEABLE_CONTENT_SECURITY_POLICY);
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        } else {
            response.setHeader("X-Frame-Options", "DENY");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    static final String FRAMEABLE_CONTENT_SECURITY_POLICY =
            CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

    /** The staff search and complaint file pages, and nothing below them (evidence records stay unframed). */
    static boolean framedByTheWebapps(String path) {
        return path.matches("/staff/complaints(/[A-Za-z0-9-]+)?/?");
    }

    static boolean isPrivate(String path) {
        return under(path, "/staff")
                || under(path, "/api/staff")
                || under(path, "/complaints")
                || under(path, "/api/complaints");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
