package org.complaints.demo;

import com.icegreen.greenmail.util.GreenMail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Demo mode: everything a newcomer needs to try the system without any other service. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.demo.enabled", havingValue = "true")
class DemoConfiguration {

    DemoConfiguration(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("postgres"))) {
            throw new IllegalStateException("Demo mode (complaints.demo.enabled=true) must not run with the postgres "
                    + "profile: it creates users with known passwords and keeps e-mail away from complainants.");
        }
    }

    /**
     * An SMTP server inside the application (port complaints.demo.smtp-port, which spring.mail.port follows); the
     * mailbox page shows what it received.
     */
    @Bean(destroyMethod = "stop")
    GreenMail demoMailServer(DemoProperties properties) {
        return DemoMailServer.start(properties.smtpPort());
    }
}
