package org.complaints;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ISO 10002 complaint handling on the Camunda 7 engine. */
@SpringBootApplication
@EnableProcessApplication("complaint-handling")
@ConfigurationPropertiesScan
public class ComplaintHandlingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintHandlingApplication.class, args);
    }
}
