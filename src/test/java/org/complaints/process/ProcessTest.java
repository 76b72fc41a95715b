package org.complaints.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test: the whole application on the in-memory database, the test running jobs and moving the engine
 * clock itself (profile "test"), and the process coverage recorded for it and checked after the last process test
 * class ({@link ProcessCoverageExtension}). The class extends {@link ProcessTestBase}, which gives it the engine's
 * services, a real SMTP server and {@code staff} acting as staff ({@link ProcessTestSupport}).
 *
 * <p>Every process test class has exactly this configuration, so the Spring context cache starts one application
 * for all of them: add nothing to the context in a test class (no {@code @TestConfiguration}, {@code @MockitoBean},
 * properties or {@code @DirtiesContext}); a bean a test needs goes into {@link ProcessTestConfiguration}. Test
 * classes share the database and the engine: each test makes its own complaints ({@code Submissions}) and runs
 * only the jobs it means to.
 *
 * <p>The engine is "default" (META-INF/processes.xml) and the Camunda container takes one engine of a name per JVM,
 * so no other application may start while this one is cached: {@link ProcessTestsLast} runs the process test classes
 * after all others, and every other {@code @SpringBootTest} class closes its application ({@code @DirtiesContext}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessTestConfiguration.class)
@ExtendWith(ProcessCoverageExtension.class)
public @interface ProcessTest {}
