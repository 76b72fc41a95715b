package org.complaints.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.complaints.SharedApplication;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A process test: the one shared application ({@link SharedApplication}: the whole application on the in-memory
 * database, the test running jobs and moving the engine clock itself), the process coverage recorded for it and
 * checked after the last process test class ({@link ProcessCoverageExtension}). The class extends
 * {@link ProcessTestBase}, which gives it the engine's services, a real SMTP server and {@code staff} acting as staff
 * ({@link ProcessTestSupport}).
 *
 * <p>Add nothing to the context in a test class (no {@code @TestConfiguration}, {@code @MockitoBean}, properties or
 * {@code @DirtiesContext}); a bean a test needs goes into {@link ProcessTestConfiguration}. Test classes share the
 * database and the engine: each test makes its own complaints ({@code Submissions}) and runs only the jobs it means
 * to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SharedApplication
@ExtendWith(ProcessCoverageExtension.class)
public @interface ProcessTest {}
