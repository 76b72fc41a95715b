package org.complaints.security;

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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every sign-in (HTTP Basic on /engine-rest and the staff API and pages, the webapps' login form) passes the
 * {@link SignInThrottle} before the engine checks the password: a source that is made to wait gets 429 with
 * Retry-After and its password is not checked. Failures (401) and successes are counted afterwards. The source is
 * the client's address as Tomcat established it, which believes X-Forwarded-For only from the configured proxies.
 * The engine's own delay per account is off (application.yaml): it refused the right password during the delay.
 */
@Configuration(proxyBeanMethods = false)
class SignInThrottling {

    /** The webapps' login: POST /camunda/api/admin/auth/user/{engine}/login/{app}, a small form. */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private static final int LOGIN_FORM_LIMIT = 16 * 1024;

    @Bean
    FilterRegistrationBean<SignInFilter> signInThrottle(Clock clock) {
        FilterRegistrationBean<SignInFilter> registration =
                new FilterRegistrationBean<>(new SignInFilter(new SignInThrottle(clock)));
        registration.setName("sign-in-throttle");
        registration.addUrlPatterns("/engine-rest/*", "/api/staff/*", "/staff/*", "/camunda/api/admin/auth/user/*");
        // before the authentication filters (100, 101), which check the password
        registration.setOrder(99);
        return registration;
    }

    static final class SignInFilter extends OncePerRequestFilter {

        private final SignInThrottle throttle;

        SignInFilter(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpServletRequest forward = request;
            // the public engine list checks no password: its success says nothing
            String user = "/engine-rest/engine".equals(request.getRequestURI()) ? null : basicUser(request);
            if (user == null
                    && "POST".equals(request.getMethod())
                    && WEBAPP_LOGIN.matcher(request.getRequestURI()).matches()) {
                BufferedBody body = BufferedBody.of(request);
                forward = body;
                user = body.formField("username");
            }
            if (user == null) {
                chain.doFilter(request, response);
                return;
            }
            String source = request.getRemoteAddr();
            Optional<Duration> wait = throttle.waitFor(source, user);
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(seconds));
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter()
                        .write("{\"type\":\"TooManySignInAttempts\",\"message\":\"Too many failed "
                                + "sign-ins from your network address; try again in " + seconds + " s.\"}");
                return;
            }
            chain.doFilter(forward, response);
            int status = response.getStatus();
            if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                throttle.failed(source, user);
            } else if (status < 400) {
                throttle.succeeded(source, user);
            }
        }

        /** The user an HTTP Basic header names, or null when there is none. */
        private static String basicUser(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
    }

    /** The login form read once for its user name, and given to the webapps as it came. */
    static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final InputStream rest;

        private BufferedBody(HttpServletRequest request, byte[] body) throws IOException {
            super(request);
            this.body = body;
            this.rest = request.getInputStream();
        }

        static BufferedBody of(HttpServletRequest request) throws IOException {
            byte[] body = request.getInputStream().readNBytes(LOGIN_FORM_LIMIT + 1);
            return new BufferedBody(request, body);
        }

        /** A field of an url-encoded form; a form too large for a login names no user (the source alone counts). */
        String formField(String name) {
            if (body.length > LOGIN_FORM_LIMIT) {
                return "";
            }
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return "";
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(body), rest);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the login form is already read");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
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
