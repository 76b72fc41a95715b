package org.complaints.engine.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks the requests that reach the engine through its generic APIs: the REST API ({@code /engine-rest}) and the
 * webapps' API ({@code /camunda/api}, which Tasklist and Cockpit call). Commands started while such a request is
 * served come from a client, and {@link ClientCommandRules} holds them to what a client may send; the
 * application's own code (delegates, staff API, channels) runs unmarked.
 */
@Configuration(proxyBeanMethods = false)
class ClientRequests {

    private static final ThreadLocal<Boolean> FROM_CLIENT = new ThreadLocal<>();

    /** Whether the current thread serves a request to one of the engine's generic APIs. */
    static boolean inProgress() {
        return Boolean.TRUE.equals(FROM_CLIENT.get());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> clientRequestMarker() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        FROM_CLIENT.set(Boolean.TRUE);
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            FROM_CLIENT.remove();
                        }
                    }
                });
        registration.setName("client-request-marker");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // before anything that could run a command for the request
        registration.setOrder(10);
        return registration;
    }
}
