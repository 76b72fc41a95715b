package org.complaints.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EngineLookupCacheTest {

    /** The request thread's own loader, counting how often the jars are searched for the engine provider's file. */
    static final class CountingLoader extends ClassLoader {

        final AtomicInteger searches = new AtomicInteger();

        CountingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.endsWith(ProcessEngineProvider.class.getName())) {
                searches.incrementAndGet();
            }
            return super.getResources(name);
        }
    }

    private final EngineLookupCache.ServiceFilesFilter filter = new EngineLookupCache.ServiceFilesFilter();
    private CountingLoader own;
    private ClassLoader before;

    @BeforeEach
    void requestThread() {
        before = Thread.currentThread().getContextClassLoader();
        own = new CountingLoader(before);
        Thread.currentThread().setContextClassLoader(own);
    }

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(before);
    }

    @Test
    void requestsFindTheSameEngineProviderWhileTheJarsAreSearchedOnce() throws Exception {
        List<String> withoutFilter = providers();
        assertThat(withoutFilter)
                .contains("org.camunda.bpm.spring.boot.starter.rest.spi.SpringBootProcessEngineProvider");
        int searchesWithoutFilter = own.searches.get();

        List<List<String>> seen = new ArrayList<>();
        for (int request = 0; request < 3; request++) {
            filter.doFilter(
                    new MockHttpServletRequest("GET", "/engine-rest/task"),
                    new MockHttpServletResponse(),
                    (req, res) -> {
                        // as a REST request does: the authentication filter, then the resource
                        seen.add(providers());
                        seen.add(providers());
                    });
        }

        assertThat(seen).hasSize(6).allSatisfy(found -> assertThat(found).isEqualTo(withoutFilter));
        assertThat(own.searches.get() - searchesWithoutFilter).isEqualTo(1);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(own);
    }

    @Test
    void otherResourcesAndClassesComeFromTheThreadsOwnLoader() throws Exception {
        filter.doFilter(
                new MockHttpServletRequest("GET", "/engine-rest/task"), new MockHttpServletResponse(), (req, res) -> {
                    ClassLoader front = Thread.currentThread().getContextClassLoader();
                    assertThat(front)
                            .isNotSameAs(own)
                            .extracting(ClassLoader::getParent)
                            .isSameAs(own);
                    try {
                        assertThat(front.loadClass(ProcessEngineProvider.class.getName()))
                                .isSameAs(ProcessEngineProvider.class);
                        assertThat(front.getResource("application.yaml"))
                                .isEqualTo(own.getResource("application.yaml"));
                    } catch (ClassNotFoundException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void theThreadGetsItsOwnLoaderBackWhenTheRequestFails() {
        assertThatThrownBy(() -> filter.doFilter(
                        new MockHttpServletRequest("GET", "/engine-rest/task"),
                        new MockHttpServletResponse(),
                        (req, res) -> {
                            throw new ServletException("resource failed");
                        }))
                .hasMessage("resource failed");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(own);
    }

    private static List<String> providers() {
        return ServiceLoader.load(ProcessEngineProvider.class).stream()
                .map(p -> p.type().getName())
                .toList();
    }
}
