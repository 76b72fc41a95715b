package org.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test classes run in an order that starts each application configuration once: classes without an
 * application first, then each configuration's classes together, the shared application's last. No application
 * is started here: the classes below are only ordered, never run.
 */
class ApplicationsInTurnTest {

    static class PlainOne {}

    @SharedApplication
    static class SharedOne {}

    @SpringBootTest(properties = "complaints.example=one")
    @ActiveProfiles("test")
    static class OwnSettings {}

    static class PlainTwo {}

    @SharedApplication
    static class SharedTwo {}

    @SpringBootTest(properties = "complaints.example=two")
    @ActiveProfiles("test")
    static class OtherSettings {}

    @SpringBootTest(properties = "complaints.example=one")
    @ActiveProfiles("test")
    static class SameSettingsAsOwn {}

    @DatabaseSlice
    static class OnTheSlice {}

    @Test
    void eachConfigurationsClassesRunTogetherTheSharedApplicationLast() {
        List<Class<?>> order = order(
                SharedOne.class,
                PlainOne.class,
                OwnSettings.class,
                OnTheSlice.class,
                SharedTwo.class,
                OtherSettings.class,
                PlainTwo.class,
                SameSettingsAsOwn.class);

        assertThat(order)
                .containsExactly(
                        PlainOne.class,
                        PlainTwo.class,
                        OwnSettings.class,
                        SameSettingsAsOwn.class,
                        OnTheSlice.class,
                        OtherSettings.class,
                        SharedOne.class,
                        SharedTwo.class);
    }

    @Test
    void classesShareAnApplicationExactlyWhenSpringWouldCacheOneForBoth() {
        assertThat(ApplicationsInTurn.configuration(SharedOne.class))
                .isEqualTo(ApplicationsInTurn.configuration(SharedTwo.class));
        assertThat(ApplicationsInTurn.configuration(OwnSettings.class))
                .isEqualTo(ApplicationsInTurn.configuration(SameSettingsAsOwn.class))
                .isNotEqualTo(ApplicationsInTurn.configuration(OtherSettings.class))
                .isNotEqualTo(ApplicationsInTurn.configuration(SharedOne.class));
        assertThat(ApplicationsInTurn.configuration(PlainOne.class))
                .isEqualTo(ApplicationsInTurn.configuration(PlainTwo.class))
                .isNotEqualTo(ApplicationsInTurn.configuration(OnTheSlice.class));
    }

    private static List<Class<?>> order(Class<?>... classes) {
        List<ClassDescriptor> descriptors = new ArrayList<>();
        for (Class<?> testClass : classes) {
            descriptors.add(new Descriptor(testClass));
        }
        new ApplicationsInTurn().orderClasses(new ClassOrdererContext() {
            @Override
            public List<? extends ClassDescriptor> getClassDescriptors() {
                return descriptors;
            }

            @Override
            public Optional<String> getConfigurationParameter(String key) {
                return Optional.empty();
            }
        });
        return descriptors.stream().<Class<?>>map(ClassDescriptor::getTestClass).toList();
    }

    private record Descriptor(Class<?> testClass) implements ClassDescriptor {

        @Override
        public Class<?> getTestClass() {
            return testClass;
        }

        @Override
        public String getDisplayName() {
            return testClass.getSimpleName();
        }

        @Override
        public boolean isAnnotated(Class<? extends Annotation> annotationType) {
            return AnnotationSupport.isAnnotated(testClass, annotationType);
        }

        @Override
        public <A extends Annotation> Optional<A> findAnnotation(Class<A> annotationType) {
            return AnnotationSupport.findAnnotation(testClass, annotationType);
        }

        @Override
        public <A extends Annotation> List<A> findRepeatableAnnotations(Class<A> annotationType) {
            return AnnotationSupport.findRepeatableAnnotations(testClass, annotationType);
        }
    }
}
