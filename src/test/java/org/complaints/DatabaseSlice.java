package org.complaints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.complaints.analysis.PerformanceReports;
import org.complaints.analysis.ReportRollup;
import org.complaints.analysis.ReportingProperties;
import org.complaints.audit.AuditLog;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.improvement.CorrectiveActionFigures;
import org.complaints.investigation.InvestigationProperties;
import org.complaints.investigation.RelatedComplaintFinder;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.complaints.register.ReferenceGenerator;
import org.complaints.survey.SurveyResults;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of classes that need only the register's database: a JDBC slice with the application's schema (Flyway)
 * on an in-memory database of its own, the beans of {@link Beans} and no engine, web server or mail. Every class so
 * annotated shares the one slice (Spring caches it), so add nothing to the context in the class: a bean a test
 * needs goes into {@link Beans}. Each test runs in a transaction rolled back afterwards ({@code @JdbcTest}); a
 * class that seeds once for all its tests declares {@code @Transactional(propagation = NOT_SUPPORTED)} and uses
 * references no other class uses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
@ContextConfiguration(classes = DatabaseSlice.Beans.class)
public @interface DatabaseSlice {

    /**
     * The beans of the slice: register, reports and related complaints, not ComplaintHandlingApplication. Not a
     * {@code @Configuration}: the whole application's component scan would take it (and its clock) too.
     */
    @ImportAutoConfiguration(JacksonAutoConfiguration.class)
    @EnableConfigurationProperties({InvestigationProperties.class, DeadlineProperties.class, ReportingProperties.class})
    @Import({
        ComplaintRegister.class,
        ReferenceGenerator.class,
        EventLog.class,
        AuditLog.class,
        RelatedComplaintFinder.class,
        PerformanceReports.class,
        ReportRollup.class,
        SurveyResults.class,
        CorrectiveActionFigures.class
    })
    class Beans {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
