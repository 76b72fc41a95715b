package org.complaints.process;

import java.util.Comparator;
import org.complaints.SharedApplication;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the classes on the shared application ({@link SharedApplication}, the {@link ProcessTest} classes among them)
 * after all other test classes, each group in the order it was found (src/test/resources/junit-platform.properties).
 * They share one cached application with the Camunda engine "default"; started last, it never holds that name while
 * another test class starts an application.
 */
public class ProcessTestsLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(c -> c.isAnnotated(SharedApplication.class)));
    }
}
