package org.complaints.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Starts the demo's SMTP server on 127.0.0.1. When another program holds the port, start-up fails at once with a
 * message that names the port and the setting that moves it: GreenMail on its own waits for its start-up timeout and
 * then advises raising that timeout, which does not help.
 */
final class DemoMailServer {

    static final String HOST = "127.0.0.1";

    private DemoMailServer() {}

    static GreenMail start(int port) {
        if (!isFree(port)) {
            throw portInUse(port, null);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        try {
            server.start();
        } catch (RuntimeException e) {
            server.stop();
            // another program may have taken the port between the check and the start
            throw isFree(port) ? e : portInUse(port, e);
        }
        return server;
    }

    static IllegalStateException portInUse(int port, Throwable cause) {
        return new IllegalStateException(
                "The demo's SMTP server cannot start: port " + port + " on " + HOST
                        + " is in use by another program. Stop that program, or give the demo another port with the property"
                        + " complaints.demo.smtp-port (environment variable COMPLAINTS_DEMO_SMTP_PORT), e.g."
                        + " ./mvnw spring-boot:run -Dspring-boot.run.arguments=--complaints.demo.smtp-port=2526",
                cause);
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
