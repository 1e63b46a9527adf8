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
 * again on the same port, which the outage tests rely on. Production uses the municipality's relay instead. With an IMAP
 * port it also lets a mail client read what each address received (log in with the address as user and password): the
 * demo's way to read a vendor's mail with its link, which exists only as the server received it.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private final int port;
    private final int imapPort;
    private GreenMail server;

    /** @param port on 127.0.0.1; 0 picks a free one (kept across restarts) */
    public EmbeddedSmtpServer(int port) {
        this(port, -1);
    }

    /**
     * @param port     SMTP on 127.0.0.1; 0 picks a free one (kept across restarts)
     * @param imapPort IMAP on 127.0.0.1 as well; 0 picks a free one, a negative one runs no IMAP
     */
    public EmbeddedSmtpServer(int port, int imapPort) {
        this.port = port == 0 ? freePort() : port;
        this.imapPort = imapPort == 0 ? freePort() : imapPort;
    }

    /** The IMAP port; negative when there is none. */
    public int imapPort() {
        return imapPort;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server == null) {
            ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            GreenMail starting = new GreenMail(imapPort < 0 ? new ServerSetup[] {smtp}
                    : new ServerSetup[] {smtp, new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
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
