package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.PublicAddress;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.Tenancy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's links. A token is 256 random bits; only its SHA-256 is stored, so neither the database nor a backup holds
 * a working link. Every mail mints its own token (the first mail's link keeps working beside the reminder's). A token is
 * found by looking its hash up, never by comparing tokens, so the time a check takes tells nothing about a guess.
 */
@Service
public class VendorLinks {

    /**
     * What a stored mail holds where its link goes: the relay mints the token as it sends ({@link #mint}). Only characters
     * that neither HTML nor URL escaping changes, so it survives a template's {@code th:href} as it is.
     */
    public static final String PLACEHOLDER = "urn:indkoebsscreening:vendor-link";

    /** The path below which a token is exchanged for the vendor's session. */
    public static final String PATH = "/leverandoer/adgang/";

    private static final int TOKEN_BYTES = 32;
    /** 32 bytes in base64url without padding: 43 characters of its alphabet. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final InvitationRepository invitations;
    private final Requests requests;
    private final RequestLifecycle lifecycle;
    private final CaseHistory history;
    private final PublicAddress address;
    private final Municipalities municipalities;
    private final Clock clock;

    VendorLinks(InvitationRepository invitations, Requests requests, RequestLifecycle lifecycle, CaseHistory history,
                PublicAddress address, Municipalities municipalities, Clock clock) {
        this.invitations = invitations;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.history = history;
        this.address = address;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /**
     * A new token for the invitation, stored as its hash; the full link to put in one mail. Only while the link would lead
     * somewhere ({@link #current}: open, or submitted and readable, until it expires): under the request's lock, so a
     * round revoked or closed meanwhile gets no new working token.
     *
     * @throws NotFoundException    no such invitation
     * @throws LinkRefusedException the round has ended (revoked, expired, its request closed): do not send the mail
     */
    @Transactional
    public String mint(UUID invitationId) {
        VendorInvitation invitation = invitations.find(invitationId)
                .orElseThrow(() -> new NotFoundException("No vendor invitation " + invitationId));
        lifecycle.lock(invitation.requestId());
        if (current(invitationId) instanceof LinkCheck.Refused refused) {
            throw new LinkRefusedException(invitationId, refused.refusal());
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        invitations.insertToken(hash(token), invitationId, clock.instant());
        return address.of(PATH + token);
    }

    /** Whether the text has the shape of one of our tokens (43 base64url characters); only such a text can be a guess. */
    public static boolean wellFormed(String token) {
        return token != null && TOKEN_SHAPE.matcher(token).matches();
    }

    /**
     * The municipality whose invitation the token leads to, looked up across all municipalities: the token (256 random
     * bits) is the vendor's only credential, so nothing else could say whose it is. The vendor's request then runs in
     * that municipality, where {@link #check} finds the same token and so only ever its own invitation. Empty for a token
     * of no invitation; a token of the wrong shape without a query.
     */
    public Optional<String> municipalityOf(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return Tenancy.callAcross(() -> invitations.municipalityOfToken(hash(token)));
    }

    /** Where a token leads, without changing anything; a token of the wrong shape is refused without a query. */
    public LinkCheck check(String token) {
        if (!wellFormed(token)) {
            return LinkCheck.Refused.unknown();
        }
        return invitations.invitationOfToken(hash(token)).map(this::current).orElseGet(() -> LinkCheck.Refused.unknown());
    }

    /**
     * Where the vendor's session, which names its invitation, leads now: the same answer as its link's, so a round
     * revoked, expired or closed while the vendor is on the pages ends their session too.
     */
    public LinkCheck current(UUID invitationId) {
        Optional<VendorInvitation> found = invitations.find(invitationId);
        if (found.isEmpty()) {
            return LinkCheck.Refused.unknown();
        }
        VendorInvitation invitation = found.get();
        boolean requestClosed = requests.findById(invitation.requestId()).map(request -> request.status().isClosed()).orElse(true);
        Refusal refusal = requestClosed ? Refusal.CLOSED
                : invitation.state() == InvitationState.REVOKED ? Refusal.REVOKED
                : invitation.state() == InvitationState.EXPIRED || !clock.instant().isBefore(invitation.expiresAt()) ? Refusal.EXPIRED
                : null;
        return refusal == null ? new LinkCheck.Valid(invitation) : new LinkCheck.Refused(refusal, municipalities.current().name(), invitation.language(), invitation.invitedBy());
    }

    /** The vendor exchanged a link for a session: the history says so, once per exchange. */
    @Transactional
    public void opened(UUID invitationId) {
        VendorInvitation invitation = invitations.find(invitationId)
                .orElseThrow(() -> new NotFoundException("No vendor invitation " + invitationId));
        lifecycle.lock(invitation.requestId());
        Instant now = clock.instant();
        invitations.opened(invitationId, now);
        history.record(invitation.requestId(), HistoryKind.VENDOR_OPENED, invitation.vendorActor(), null, null, null);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
