package dk.indkoebsscreening.notification.smtp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * A real SMTP server inside this JVM (GreenMail), for the one-command run and the tests: it speaks the
 * protocol, accepts mail for any address and keeps what it received in memory. It can be stopped and started
 * again on the same port, which the outage tests rely on. Production uses the municipality's relay instead.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private final int port;
    private GreenMail server;

    /** @param port on 127.0.0.1; 0 picks a free one (kept across restarts) */
    public EmbeddedSmtpServer(int port) {
        this.port = port == 0 ? freePort() : port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server == null) {
            GreenMail starting = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            starting.start();
            server = starting;
        }
    }

    /** Stops accepting connections; what was received so far is forgotten. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Every message received since the last start, oldest first. */
    public synchronized List<MimeMessage> received() {
        return server == null ? List.of() : List.of(server.getReceivedMessages());
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
