package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.system.Tenancy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the committed mails of the outbox: woken by each commit that added mail, and every poll interval. A
 * mail that fails waits longer after each try (doubling up to {@code max-retry}); while the SMTP server is
 * unreachable, each round tries one mail and gives the rest back untried, so an outage costs one connection
 * attempt per round. Each mail keeps its Message-ID on every try, and is marked sent only after the server
 * took it: a crash between the two sends it once more, recognisably the same mail. A mail to a vendor gets its link
 * only here, just before it is sent ({@link VendorMails#withLink}); one whose round can no longer be answered is not sent
 * but given up, with the reason as its last error (the administrators' view of sent mails shows it).
 */
class MailRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

    enum Outcome { NOTHING_DUE, SENT, SENT_FULL_BATCH, SERVER_UNREACHABLE }

    /** Why a vendor's mail was not sent: its link would lead nowhere. */
    static final String VENDOR_ROUND_ENDED = "Not sent: the vendor's round is no longer open (revoked, expired, submitted or the request closed)";

    private final MailOutbox outbox;
    private final VendorMails vendorMails;
    private final JavaMailSender sender;
    private final NotificationProperties properties;
    private final Municipalities municipalities;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;

    private volatile boolean running;
    private Thread worker;

    MailRelay(MailOutbox outbox, VendorMails vendorMails, JavaMailSender sender, NotificationProperties properties,
              Municipalities municipalities, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.vendorMails = vendorMails;
        this.sender = sender;
        this.properties = properties;
        this.municipalities = municipalities;
        this.clock = clock;
        this.sent = Counter.builder("indkoeb.mail.sent").description("Mails the SMTP server accepted").register(meters);
        this.failed = Counter.builder("indkoeb.mail.failed").description("Tries to send a mail that failed").register(meters);
    }

    /** One round: the due mails of one batch, each sent and marked (also called by tests; leases make that safe). */
    Outcome sendDue() {
        NotificationProperties.Relay relay = properties.relay();
        Instant now = clock.instant();
        // The database keeps microseconds: the token must compare equal to what it stored.
        Instant reservedUntil = now.plus(relay.lease()).truncatedTo(ChronoUnit.MICROS);
        List<OutgoingMail> due = outbox.reserveDue(now, reservedUntil, relay.batchSize());
        for (int i = 0; i < due.size(); i++) {
            OutgoingMail mail = due.get(i);
            // A slow server may have outlasted the batch's reservation: send only what is still ours.
            Instant extended = clock.instant().plus(relay.lease());
            if (!outbox.extend(mail.id(), reservedUntil, extended)) {
                continue;
            }
            Optional<OutgoingMail> ready = vendorMails.withLink(mail);
            if (ready.isEmpty()) {
                outbox.giveUp(mail.id(), VENDOR_ROUND_ENDED);
                continue;
            }
            try {
                sender.send(message(ready.get()));
                outbox.markSent(mail, clock.instant());
                sent.increment();
            } catch (MailException | MessagingException e) {
                failed.increment();
                Duration pause = pauseAfter(mail.attempts() + 1);
                outbox.markFailed(mail.id(), clock.instant().plus(pause), describe(e));
                if (unreachable(e)) {
                    outbox.release(due.subList(i + 1, due.size()).stream().map(OutgoingMail::id).toList());
                    log.warn("Mail server unreachable ({}); {} mail(s) wait in the outbox, the next try of this one in {} s",
                            describe(e), outbox.backlog().size(), pause.toSeconds());
                    return Outcome.SERVER_UNREACHABLE;
                }
                if (mail.attempts() + 1 >= relay.maxAttempts()) {
                    log.error("Mail {} to {} given up after {} refused tries ({})", mail.id(), mail.recipient(), mail.attempts() + 1,
                            describe(e));
                } else {
                    log.warn("Mail {} to {} refused ({}); next try in {} s", mail.id(), mail.recipient(), describe(e), pause.toSeconds());
                }
            }
        }
        return due.isEmpty() ? Outcome.NOTHING_DUE : due.size() == relay.batchSize() ? Outcome.SENT_FULL_BATCH : Outcome.SENT;
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(mail.sender() != null ? mail.sender() : municipalities.current().mailSender());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        helper.setSentDate(Date.from(mail.createdAt()));
        message.setHeader("Message-ID", mail.messageId());
        // RFC 3834: automatic mail, so auto-replies (out of office) are not sent back.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Indkoeb-Kind", mail.kind().name());
        return message;
    }

    /** The pause after the given number of failed tries: first-retry, doubled each time, at most max-retry. */
    Duration pauseAfter(int failedTries) {
        NotificationProperties.Relay relay = properties.relay();
        Duration pause = relay.firstRetry().multipliedBy(1L << Math.min(failedTries - 1, 20));
        return pause.compareTo(relay.maxRetry()) > 0 ? relay.maxRetry() : pause;
    }

    /** A refused connection or a dead server, not a refused recipient: every other mail would fail alike. */
    private static boolean unreachable(Exception e) {
        if (e instanceof MailAuthenticationException) {
            return true;
        }
        if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().stream().anyMatch(MailRelay::isConnectionFailure);
        }
        return isConnectionFailure(e);
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    private void run() {
        Duration poll = properties.relay().pollInterval();
        while (running) {
            Outcome outcome;
            try {
                outcome = sendDue();
            } catch (RuntimeException e) {
                // The database failed (or is restarting): the mails stay in the outbox for the next round.
                log.warn("Mail relay round failed: {}", describe(e));
                outcome = Outcome.NOTHING_DUE;
            }
            if (outcome == Outcome.SENT_FULL_BATCH) {
                continue;
            }
            try {
                outbox.relayWakeup().await(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        // One relay sends every municipality's mails, each from the sender its step chose.
        worker = new Thread(() -> Tenancy.runAcross(this::run), "mail-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        outbox.relayWakeup().signal();
        try {
            worker.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After the web server has stopped taking requests, so the last steps' mails still go out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
