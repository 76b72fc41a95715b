package org.complaints;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * GreenMail as the SMTP server of the integration tests and the benchmark, started for each test class, with
 * Nagle's algorithm off on its connections. GreenMail writes the lines of its EHLO reply one by one; with Nagle on,
 * the second line waits for the client's delayed acknowledgement, 40 ms on Linux, before every e-mail (measured:
 * 44 ms per e-mail, 1–3 ms without). A mail server in production answers in one write, so with that wait the
 * harness's server, not the application, set the pace of the mail outbox.
 */
public class SmtpTestServer extends GreenMail implements BeforeAllCallback, AfterAllCallback {

    public SmtpTestServer(ServerSetup setup) {
        super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(config, managers);
        for (ServerSetup setup : config) {
            if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                services.put(setup.getProtocol(), new NoDelaySmtpServer(setup, managers));
            }
        }
        return services;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private static final class NoDelaySmtpServer extends SmtpServer {

        NoDelaySmtpServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected void handleClientSocket(Socket client) throws SocketException {
            client.setTcpNoDelay(true);
            super.handleClientSocket(client);
        }
    }
}
