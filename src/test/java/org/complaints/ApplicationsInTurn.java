package org.complaints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Runs the test classes so that each application configuration starts once and only one application lives at a
 * time (src/test/resources/junit-platform.properties and META-INF/spring.factories).
 *
 * <p>As the class orderer it puts the classes without a Spring application first, then the Spring test classes
 * grouped by their context configuration (Spring caches one application per distinct configuration), each group
 * in the order its first class was found, the {@link SharedApplication} group last. As a test execution listener
 * it closes a class's application after the class when the next class in that order needs another one (or there
 * is none): the Camunda engine "default" and the process application exist once per JVM, so two applications must
 * never live side by side, and a cached application that nothing will use again only holds memory and threads.
 * A test class therefore needs no {@code @DirtiesContext} to make room for the next one; it declares it only when
 * it leaves the application in a state other classes of its configuration must not meet.
 */
public class ApplicationsInTurn implements ClassOrderer, TestExecutionListener {

    /** The top-level classes in the order JUnit runs them, Spring test classes with their configuration. */
    private static final List<Class<?>> ORDER = new ArrayList<>();

    private static final Map<Class<?>, Object> CONFIGURATIONS = new ConcurrentHashMap<>();

    private static final Object NO_APPLICATION = new Object();

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<? extends ClassDescriptor> classes = context.getClassDescriptors();
        Map<Object, Integer> groups = new LinkedHashMap<>();
        for (ClassDescriptor descriptor : classes) {
            Object configuration = configuration(descriptor.getTestClass());
            if (configuration != NO_APPLICATION) {
                groups.putIfAbsent(configuration, groups.size());
            }
        }
        classes.sort(Comparator.comparingInt(descriptor -> rank(descriptor.getTestClass(), groups)));
        if (classes.stream().anyMatch(descriptor -> !isNested(descriptor.getTestClass()))) {
            synchronized (ORDER) {
                ORDER.clear();
                classes.forEach(descriptor -> ORDER.add(descriptor.getTestClass()));
            }
        }
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        Class<?> testClass = testContext.getTestClass();
        if (isNested(testClass)) {
            return;
        }
        Object next = NO_APPLICATION;
        synchronized (ORDER) {
            int at = ORDER.indexOf(testClass);
            if (at >= 0 && at + 1 < ORDER.size()) {
                next = configuration(ORDER.get(at + 1));
            }
        }
        if (!Objects.equals(next, configuration(testClass))) {
            testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        }
    }

    private static int rank(Class<?> testClass, Map<Object, Integer> groups) {
        Object configuration = configuration(testClass);
        if (configuration == NO_APPLICATION) {
            return -1;
        }
        return (isShared(testClass) ? groups.size() : 0) + groups.get(configuration);
    }

    /** What Spring caches the class's application by, or {@link #NO_APPLICATION} for a class without one. */
    static Object configuration(Class<?> testClass) {
        return CONFIGURATIONS.computeIfAbsent(testClass, c -> {
            if (!usesSpring(c)) {
                return NO_APPLICATION;
            }
            try {
                MergedContextConfiguration merged =
                        BootstrapUtils.resolveTestContextBootstrapper(c).buildMergedContextConfiguration();
                return merged;
            } catch (RuntimeException e) {
                // a configuration Spring cannot read fails in the class itself; here it is a group of its own
                return c;
            }
        });
    }

    private static boolean usesSpring(Class<?> testClass) {
        return MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).stream(ExtendWith.class)
                .map(MergedAnnotation::synthesize)
                .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                .anyMatch(SpringExtension.class::equals);
    }

    private static boolean isShared(Class<?> testClass) {
        return MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(SharedApplication.class);
    }

    private static boolean isNested(Class<?> testClass) {
        return testClass.getEnclosingClass() != null;
    }
}
