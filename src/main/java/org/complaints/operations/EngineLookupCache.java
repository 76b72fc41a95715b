package org.complaints.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API finds its engine through {@link java.util.ServiceLoader} on every call ({@code EngineUtil}),
 * several times per request (the authentication filter, then each resource). Each lookup asks the class loader
 * for every {@code META-INF/services} file of that name, which searches every jar on the class path, a visible share
 * of a Tasklist request's CPU (bench/FINDINGS.md, 'engine lookups'). For the engine's
 * REST API, the webapps' API and the staff API, this puts a class loader in front of the request thread's own that
 * remembers where Camunda's service files are. It defines no class and hands every other question to the thread's
 * own loader, so what is loaded is what would have been loaded.
 */
@Configuration(proxyBeanMethods = false)
class EngineLookupCache {

    static final String CAMUNDA_SERVICE_FILES = "META-INF/services/org.camunda.";

    @Bean
    FilterRegistrationBean<ServiceFilesFilter> engineLookupCacheFilter() {
        FilterRegistrationBean<ServiceFilesFilter> registration =
                new FilterRegistrationBean<>(new ServiceFilesFilter());
        registration.setName("engine-lookup-cache");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/staff/*", "/staff/*");
        // before the engine's authentication filters (order 100 and 101), which look the engine up as well
        registration.setOrder(50);
        return registration;
    }

    static final class ServiceFilesFilter extends OncePerRequestFilter {

        private volatile ServiceFiles front;

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Thread thread = Thread.currentThread();
            ClassLoader own = thread.getContextClassLoader();
            if (own == null) {
                chain.doFilter(request, response);
                return;
            }
            thread.setContextClassLoader(frontOf(own));
            try {
                chain.doFilter(request, response);
            } finally {
                thread.setContextClassLoader(own);
            }
        }

        private ServiceFiles frontOf(ClassLoader own) {
            ServiceFiles current = front;
            if (current == null || current.getParent() != own) {
                // one web application, one loader behind the request threads: this runs once
                current = new ServiceFiles(own);
                front = current;
            }
            return current;
        }
    }

    /** Remembers where Camunda's service files are; asks its parent for everything else. */
    static final class ServiceFiles extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final ConcurrentMap<String, List<URL>> found = new ConcurrentHashMap<>();

        ServiceFiles(ClassLoader own) {
            super(own);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.startsWith(CAMUNDA_SERVICE_FILES)) {
                return super.getResources(name);
            }
            List<URL> urls = found.get(name);
            if (urls == null) {
                urls = List.copyOf(Collections.list(getParent().getResources(name)));
                found.putIfAbsent(name, urls);
            }
            return Collections.enumeration(urls);
        }
    }
}
