package org.complaints.process;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The beans every process test application has besides the application's own (one configuration: one context). */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessTestConfiguration {

    @Bean
    ProcessCoverage processCoverage() {
        return new ProcessCoverage();
    }

    @Bean
    FailingFollowUp failingFollowUp() {
        return new FailingFollowUp();
    }
}
