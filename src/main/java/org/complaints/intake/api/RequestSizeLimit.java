package org.complaints.intake.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a complainant's request announcing more than the multipart limit (attachments plus form) before
 * anything is read, with 413; multipart requests are also bounded by spring.servlet.multipart.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private static final long LIMIT = DataSize.ofMegabytes(11).toBytes();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !(path.startsWith("/api/complaints") || path.startsWith("/complaints"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:complaints:problem:too-large\",\"title\":\"Too large\","
                    + "\"status\":413,\"detail\":\"The request is larger than 11 MB.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
