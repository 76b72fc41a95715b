package org.complaints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.complaints.process.ProcessTestConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test class on the one shared application: the whole application on the in-memory database with profile "test"
 * (the test runs jobs and moves the engine clock itself) and MockMvc, started once for every class so annotated
 * (the process tests among them, {@code @ProcessTest}) and kept by the Spring context cache.
 *
 * <p>Every such class has exactly this configuration: add nothing to the context in the class (no
 * {@code @TestConfiguration}, {@code @MockitoBean}, properties or {@code @DirtiesContext}); a bean a test needs goes
 * into {@link ProcessTestConfiguration}. The classes share the database, the engine and the metrics: a test makes its
 * own complaints ({@code Submissions}), runs only the jobs it means to, compares counts as differences and puts back
 * the engine clock it moved. A test that needs other settings is a {@code @SpringBootTest} of its own; one that needs
 * only the register's database is a {@link DatabaseSlice}.
 *
 * <p>The engine is "default" (META-INF/processes.xml) and the Camunda container takes one engine of a name per JVM:
 * {@link ApplicationsInTurn} runs these classes after all others and closes every application before the next
 * configuration starts its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(ProcessTestConfiguration.class)
public @interface SharedApplication {}
