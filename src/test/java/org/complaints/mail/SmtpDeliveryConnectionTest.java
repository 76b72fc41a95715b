package org.complaints.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The outbox sender's SMTP connection: several e-mails over one, a new one after a failure. */
class SmtpDeliveryConnectionTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket proxy;
    private SmtpDelivery smtp;

    /** Between the sender and the SMTP server, counting the connections the sender opens. */
    @BeforeEach
    void countingProxy() throws IOException {
        proxy = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!proxy.isClosed()) {
                try {
                    Socket client = proxy.accept();
                    connections.incrementAndGet();
                    Socket server = new Socket("127.0.0.1", SERVER.getSmtp().getPort());
                    pipe(client.getInputStream(), server.getOutputStream(), server);
                    pipe(server.getInputStream(), client.getOutputStream(), client);
                } catch (IOException e) {
                    // closed, or the server is down: the client sees its connection end
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(proxy.getLocalPort());
        smtp = new SmtpDelivery(
                sender,
                new MailProperties("complaints@example.org", "Example", "example.org", "en"),
                Clock.systemUTC(),
                meters);
    }

    private static void pipe(InputStream from, OutputStream to, Socket closeAfter) {
        Thread pipe = new Thread(() -> {
            try (closeAfter) {
                from.transferTo(to);
            } catch (IOException e) {
                // one side hung up
            }
        });
        pipe.setDaemon(true);
        pipe.start();
    }

    @AfterEach
    void closeProxy() throws IOException {
        proxy.close();
    }

    private static OutgoingMail mail(int n) {
        return new OutgoingMail(
                null,
                "CMP-2026-00000" + n,
                "key-" + n,
                "acknowledgement",
                "en",
                List.of("jan" + n + "@example.nl"),
                "Subject " + n,
                "Body " + n,
                "<m" + n + "@example.org>");
    }

    @Test
    void severalEmailsGoOverOneConnection() throws Exception {
        try (SmtpDelivery.Connection connection = smtp.connection()) {
            for (int n = 1; n <= 3; n++) {
                connection.deliver(mail(n));
            }
        }
        MimeMessage[] received = SERVER.getReceivedMessages();
        assertThat(received)
                .extracting(MimeMessage::getMessageID)
                .containsExactly("<m1@example.org>", "<m2@example.org>", "<m3@example.org>");
        assertThat(received).extracting(MimeMessage::getSubject).containsExactly("Subject 1", "Subject 2", "Subject 3");
        assertThat(connections.get()).isOne();
        assertThat(meters.counter("complaints.emails.sent", "template", "acknowledgement")
                        .count())
                .isEqualTo(3);
    }

    @Test
    void afterAFailureTheNextEmailOpensANewConnection() {
        try (SmtpDelivery.Connection connection = smtp.connection()) {
            connection.deliver(mail(1));
            SERVER.stop();
            assertThatThrownBy(() -> connection.deliver(mail(2)))
                    .isInstanceOf(MailDeliveryException.class)
                    .hasMessageContaining("could not be delivered")
                    .hasMessageNotContaining("jan2@example.nl");
            SERVER.start();
            connection.deliver(mail(3));
        }
        assertThat(SERVER.getReceivedMessages())
                .extracting(MimeMessage::getMessageID)
                .contains("<m3@example.org>")
                .doesNotContain("<m2@example.org>");
        // the first, the one the failure ended (or its attempt to reconnect) and the new one
        assertThat(connections.get()).isGreaterThanOrEqualTo(2);
        assertThat(meters.counter("complaints.emails.failed", "template", "acknowledgement")
                        .count())
                .isEqualTo(1);
    }
}
