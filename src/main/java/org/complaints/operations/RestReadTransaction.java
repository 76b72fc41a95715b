package org.complaints.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One database transaction for a reading request to the engine's REST API (GET, HEAD), instead of one per engine
 * command. Such a request runs five or six commands: the password check, the user's groups and tenants (the
 * authentication filter), then the resource's own, e.g. the filter and its task page. On their own each would begin
 * and commit a transaction on a connection taken from the pool, a commit round trip per command (bench/FINDINGS.md,
 * 'REST reads in one transaction'). The engine's commands join a transaction that is already running (Spring's
 * {@code REQUIRED}), so here they share one and commit once.
 *
 * <p>What a command writes while reading (the password check resets a user's failed attempts, or counts a failed
 * one) is committed with the request, as before. A command that fails marks the transaction for rollback, as its
 * own would have been rolled back; the error's answer (a 4xx from the REST API's exception mappers) is unchanged.
 * Requests that change something keep a transaction per command, the engine's own unit of work.
 */
@Configuration(proxyBeanMethods = false)
class RestReadTransaction {

    @Bean
    FilterRegistrationBean<ReadTransactionFilter> restReadTransactionFilter(PlatformTransactionManager transactions) {
        FilterRegistrationBean<ReadTransactionFilter> registration =
                new FilterRegistrationBean<>(new ReadTransactionFilter(transactions));
        registration.setName("engine-rest-read-transaction");
        registration.addUrlPatterns("/engine-rest/*");
        // after the engine lookup cache (50), before the authentication filter (100), whose commands join it
        registration.setOrder(60);
        return registration;
    }

    static final class ReadTransactionFilter extends OncePerRequestFilter {

        private final PlatformTransactionManager transactions;
        private final DefaultTransactionDefinition definition =
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);

        ReadTransactionFilter(PlatformTransactionManager transactions) {
            this.transactions = transactions;
            definition.setName("engine-rest read");
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            TransactionStatus status = transactions.getTransaction(definition);
            boolean completed = false;
            try {
                chain.doFilter(request, response);
                completed = true;
            } finally {
                // a command that failed inside marked it rollback-only: roll back without raising anything over
                // the answer the REST API has already written for that failure
                if (!completed || status.isRollbackOnly()) {
                    transactions.rollback(status);
                } else {
                    transactions.commit(status);
                }
            }
        }
    }
}
