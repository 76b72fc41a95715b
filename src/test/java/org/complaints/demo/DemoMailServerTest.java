package org.complaints.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DemoMailServerTest {

    @Test
    void failsAtOnceNamingThePortAndTheSettingWhenAnotherProgramHoldsIt() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getByName(DemoMailServer.HOST), 0));
            int port = other.getLocalPort();

            long started = System.nanoTime();
            assertThatThrownBy(() -> DemoMailServer.start(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port + " on 127.0.0.1 is in use")
                    .hasMessageContaining("complaints.demo.smtp-port")
                    .hasMessageContaining("COMPLAINTS_DEMO_SMTP_PORT")
                    .message()
                    .doesNotContainIgnoringCase("timeout");
            // fail fast: no waiting for GreenMail's start-up timeout
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(500);
        }
    }

    @Test
    void startsOnAFreePortAndTakesMail() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName(DemoMailServer.HOST))) {
            port = free.getLocalPort();
        }
        GreenMail server = DemoMailServer.start(port);
        try (Socket client = new Socket(DemoMailServer.HOST, port)) {
            assertThat(client.isConnected()).isTrue();
        } finally {
            server.stop();
        }
    }

    /**
     * The environment variable the failure message and docs/operators.md name moves the server and spring.mail.port.
     */
    @Test
    void theNamedEnvironmentVariableSetsThePort() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("COMPLAINTS_DEMO_SMTP_PORT", "2526")));
        ConfigurationPropertySources.attach(environment);

        assertThat(Binder.get(environment)
                        .bind("complaints.demo", DemoProperties.class)
                        .get()
                        .smtpPort())
                .isEqualTo(2526);
        assertThat(environment.resolvePlaceholders("${complaints.demo.smtp-port}"))
                .isEqualTo("2526");
    }
}
