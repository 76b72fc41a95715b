package org.complaints.intake.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a complainant's request larger than the multipart limit (attachments plus form) with 413: at once
 * when it announces its length, while it is read when it does not. Multipart requests are also bounded by
 * spring.servlet.multipart.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private static final long LIMIT = DataSize.ofMegabytes(11).toBytes();

    private final MessageSource messages;
    private final ObjectMapper json;

    RequestSizeLimit(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !(path.startsWith("/api/complaints") || path.startsWith("/complaints"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            // before Spring MVC: the language comes straight from Accept-Language
            Locale locale = request.getLocale();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage("problem.too-large.detail", null, locale));
            problem.setTitle(messages.getMessage("problem.too-large.title", null, locale));
            problem.setType(URI.create("urn:complaints:problem:too-large"));
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(413);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getWriter(), problem);
            return;
        }
        // a body without Content-Length (chunked) is counted while it is read
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public ServletInputStream getInputStream() throws IOException {
                        return new LimitedInputStream(super.getInputStream());
                    }
                },
                response);
    }

    /** Thrown while reading a body that grows past the limit; answered with 413 by {@link ApiProblems}. */
    static class RequestTooLargeException extends IOException {
        RequestTooLargeException() {
            super("The request body is larger than " + LIMIT + " bytes");
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        LimitedInputStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > LIMIT) {
                throw new RequestTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
