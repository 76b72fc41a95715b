package org.complaints;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ISO 10002 complaint handling on the Camunda 7 engine. */
@SpringBootApplication
@EnableProcessApplication("complaint-handling")
@ConfigurationPropertiesScan
// retention anonymisation, audit sealing, mailbox polling
@EnableScheduling
public class ComplaintHandlingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintHandlingApplication.class, args);
    }
}
