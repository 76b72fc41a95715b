package org.complaints.deadlines;

import java.time.Clock;
import org.complaints.engine.clock.EngineClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(DeadlineProperties properties) {
        return new EngineClock(properties.zone());
    }
}
