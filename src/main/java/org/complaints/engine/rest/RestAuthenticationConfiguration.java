package org.complaints.engine.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Boot starter leaves /engine-rest open. Every call but the engine list must name its user (HTTP Basic
 * against the engine's identity service), so Tasklist-equivalent work through REST is attributed to a person and the
 * four-eyes and independence checks know who acts.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter() {
                    @Override
                    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                            throws IOException, ServletException {
                        // the list of engine names is public: clients discover the engine before they sign in
                        HttpServletRequest http = (HttpServletRequest) request;
                        if ("GET".equals(http.getMethod()) && "/engine-rest/engine".equals(http.getRequestURI())) {
                            chain.doFilter(request, response);
                        } else {
                            super.doFilter(request, response, chain);
                        }
                    }
                });
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(100);
        return registration;
    }

    /**
     * The application's staff API (privacy, audit, reports) and staff pages (reports, evidence records) sign in
     * the same way, or read with the webapps' session; groups are checked per call.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> staffApiAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter() {
                    @Override
                    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                            throws IOException, ServletException {
                        // a person opening a staff page while signed out is sent to the webapps' sign-in, not
                        // shown the browser's own Basic prompt (which the challenge of a 401 would open);
                        // API clients (/api/staff) still get the challenge
                        HttpServletRequest http = (HttpServletRequest) request;
                        if (WebappSessionAuthenticationProvider.signedOutPersonOnPage(http)) {
                            // a relative Location: never built from a Host header a client chose
                            HttpServletResponse answer = (HttpServletResponse) response;
                            answer.setStatus(HttpServletResponse.SC_FOUND);
                            answer.setHeader(
                                    "Location", http.getContextPath() + WebappSessionAuthenticationProvider.SIGN_IN);
                        } else {
                            super.doFilter(request, response, chain);
                        }
                    }
                });
        registration.setName("staff-api-authentication");
        registration.addInitParameter("authentication-provider", WebappSessionAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/api/staff/*", "/staff/*");
        registration.setOrder(101);
        return registration;
    }
}
