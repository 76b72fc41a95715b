package org.complaints.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Queries may not carry expressions (JUEL runs with the engine's rights). The engine refuses expressions at
 * the top level of an ad-hoc query, but not inside {@code orQueries}; this refuses both, for the REST API and
 * the webapps' engine API, with 400 and a readable message. Stored filters (created by administrators only)
 * keep their top-level expressions such as {@code ${currentUser()}}.
 */
@Component
class ExpressionQueryGuard extends OncePerRequestFilter {

    private static final int MAX_INSPECTED_BODY = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/engine/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the query string only: reading form parameters would consume a body meant for the REST resource
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (isExpressionField(name)) {
                    refuse(response, name);
                    return;
                }
            }
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().contains("json") || request.getContentLengthLong() > MAX_INSPECTED_BODY) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
        String field = null;
        // administrators' stored filters may use ${currentUser()} at the top level; nothing else may
        boolean storedQuery = request.getRequestURI().contains("/filter");
        try {
            field = expressionField(json.readTree(body), storedQuery, false);
        } catch (IOException notJson) {
            // the REST API answers malformed JSON itself
        }
        if (field != null) {
            refuse(response, field);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    /** The first field that holds an expression (for a stored filter: one inside its {@code orQueries}). */
    private static String expressionField(JsonNode node, boolean storedQuery, boolean inOrQuery) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String found = expressionField(element, storedQuery, inOrQuery);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isExpressionField(field.getKey()) && !field.getValue().isNull() && (inOrQuery || !storedQuery)) {
                    return field.getKey();
                }
                String found = expressionField(field.getValue(), storedQuery,
                        inOrQuery || "orQueries".equals(field.getKey()));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isExpressionField(String name) {
        return name.endsWith("Expression") || name.endsWith("Expressions");
    }

    private static void refuse(HttpServletResponse response, String field) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"Expressions are not allowed in "
                + "queries (" + field.replaceAll("[^A-Za-z]", "") + "). Use the literal value instead.\"}");
    }

    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
