package dk.indkoebsscreening.testsupport;

import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The mails the embedded SMTP server received, read back from the wire format the way a mail client would. */
public final class Mails {

    /** One received mail: its single recipient, subject, both bodies and the headers the relay sets. */
    public record Mail(String to, String subject, String text, String html, String messageId, String kind,
                       String autoSubmitted, String from) {
    }

    private final EmbeddedSmtpServer server;

    public Mails(EmbeddedSmtpServer server) {
        this.server = server;
    }

    /** Every mail received since the server last started whose subject names the request's reference. */
    public List<Mail> about(String reference) {
        return all().stream().filter(mail -> mail.subject().contains(reference)).toList();
    }

    public List<Mail> all() {
        return server.received().stream().map(Mails::read).toList();
    }

    /** Waits until mails about the request satisfy the condition; returns them. */
    public List<Mail> awaitAbout(String reference, String what, Predicate<List<Mail>> condition) {
        Eventually.until(what, () -> condition.test(about(reference)));
        return about(reference);
    }

    public Mail awaitOne(String reference, String kind, String to) {
        awaitAbout(reference, kind + " to " + to,
                mails -> mails.stream().anyMatch(mail -> mail.kind().equals(kind) && mail.to().equals(to)));
        List<Mail> found = about(reference).stream().filter(mail -> mail.kind().equals(kind) && mail.to().equals(to)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " mails " + kind + " to " + to + ": " + found);
        }
        return found.get(0);
    }

    private static Mail read(MimeMessage message) {
        try {
            List<String> bodies = new ArrayList<>(List.of("", ""));
            collect(message, bodies);
            var recipients = message.getAllRecipients();
            if (recipients == null || recipients.length != 1) {
                throw new AssertionError("A mail must have exactly one recipient: " + message.getSubject());
            }
            return new Mail(((InternetAddress) recipients[0]).getAddress(), message.getSubject(), bodies.get(0), bodies.get(1),
                    message.getMessageID(), message.getHeader("X-Indkoeb-Kind", null),
                    message.getHeader("Auto-Submitted", null), message.getHeader("From", null));
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }

    private static void collect(Part part, List<String> bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            bodies.set(0, (String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            bodies.set(1, (String) part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        }
    }
}
