package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.attachment.AttachmentService;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.deadline.WorkingDayCalendar;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.ScreeningGroups;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestClosed;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.screening.AreaState;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.security.StandInGroups;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.Tenancy;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites the vendor's contact of a request to answer, in rounds; revokes and expires invitations. Who may invite is
 * checked here, whoever calls (page or API): the coordinators, and the experts of the areas that screen or screened the
 * request, their groups' stand-ins of today counted as members (as the task pages count them). At most one round is
 * open per request; a request that closes ends its open round. A round that ends unsubmitted deletes the files the
 * vendor added to it (they were never handed in).
 */
@Service
public class VendorInvitations {

    private final InvitationRepository invitations;
    private final RequestLifecycle lifecycle;
    private final ScreeningService screening;
    private final People people;
    private final StandInGroups standIns;
    private final CaseHistory history;
    private final ApplicationEventPublisher facts;
    private final WorkingDayCalendar calendar;
    private final DeadlineProperties deadlines;
    private final VendorProperties properties;
    private final Validator validator;
    private final AttachmentService attachments;
    private final Clock clock;
    private final ScreeningGroups screeningGroups;

    VendorInvitations(InvitationRepository invitations, RequestLifecycle lifecycle, ScreeningService screening, People people,
                      StandInGroups standIns, CaseHistory history, ApplicationEventPublisher facts, WorkingDayCalendar calendar,
                      DeadlineProperties deadlines, VendorProperties properties, Validator validator, AttachmentService attachments,
                      Clock clock, ScreeningGroups screeningGroups) {
        this.screeningGroups = screeningGroups;
        this.invitations = invitations;
        this.lifecycle = lifecycle;
        this.screening = screening;
        this.people = people;
        this.standIns = standIns;
        this.history = history;
        this.facts = facts;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.properties = properties;
        this.validator = validator;
        this.attachments = attachments;
        this.clock = clock;
    }

    /**
     * A new round: the first without, later ones with the experts' follow-up questions.
     *
     * @throws AccessDeniedException  the user may not invite on this request
     * @throws ConflictException      the request is closed, or a round is open
     * @throws InvalidInputException  the invitation is not valid
     */
    @Transactional
    public VendorInvitation invite(UUID requestId, Invite invite, String username) {
        requireMayInvite(requestId, username);
        PurchaseRequest request = lifecycle.lock(requestId);
        requireOpen(request);
        List<VendorInvitation> rounds = invitations.ofRequest(requestId);
        for (VendorInvitation open : rounds.stream().filter(round -> round.state() == InvitationState.OPEN).toList()) {
            // A round whose time has passed is over, whether or not the job has marked it yet: it ends here, as the job would.
            if (!endIfExpired(requestId, open.id())) {
                throw new ConflictException("Request " + requestId + " has an open vendor round", "error.vendor.roundOpen");
            }
        }
        int round = rounds.isEmpty() ? 1 : rounds.get(rounds.size() - 1).round() + 1;
        List<FieldProblem> problems = new ArrayList<>(validator.validate(invite).stream()
                .map(violation -> FieldProblem.resolved(violation.getPropertyPath().toString(), violation.getMessage())).toList());
        if (round == 1 && !invite.followUpQuestions().isEmpty()) {
            problems.add(new FieldProblem("followUpQuestions", "vendor.followUps.firstRound"));
        }
        InvalidInputException.throwIfAny(problems);
        Instant now = clock.instant();
        LocalDate lastDay = lastDay(now);
        VendorInvitation invitation = new VendorInvitation(UUID.randomUUID(), requestId, round, invite.contactName(), invite.contactEmail(),
                invite.language(), invite.followUpQuestions(), username, now, atTimeOfDay(lastDay), null, null, null, null, null,
                InvitationState.OPEN);
        invitations.insert(invitation, atTimeOfDay(calendar.minusWorkingDays(lastDay, properties.remindBefore())));
        history.record(requestId, HistoryKind.VENDOR_INVITED, username, null, String.valueOf(round), null);
        facts.publishEvent(new VendorInvited(requestId, invitation.id()));
        return invitation;
    }

    /**
     * Ends a round before it expires: its links lead nowhere from now on, a submitted round's too.
     *
     * @throws AccessDeniedException the user may not invite on this request
     * @throws NotFoundException     no such invitation on this request
     * @throws ConflictException     it has ended already
     */
    @Transactional
    public void revoke(UUID requestId, UUID invitationId, String username) {
        requireMayInvite(requestId, username);
        lifecycle.lock(requestId);
        VendorInvitation invitation = invitations.find(invitationId).filter(found -> found.requestId().equals(requestId))
                .orElseThrow(() -> new NotFoundException("No vendor invitation " + invitationId + " on request " + requestId));
        if (!invitations.end(invitationId, InvitationState.REVOKED, clock.instant(), username, RevokeReason.STAFF.name())) {
            throw new ConflictException("Vendor invitation " + invitationId + " has ended", "error.vendor.ended");
        }
        attachments.discardHeld(invitationId);
        history.record(requestId, HistoryKind.VENDOR_REVOKED, username, null, null, null);
        facts.publishEvent(new VendorRevoked(requestId, invitation.id(), username, RevokeReason.STAFF));
    }

    /**
     * The coordinators, and the members of the groups of the areas that screen or screened the request and those groups'
     * stand-ins of today. Someone standing in for an absent expert is one of these: an absent expert's task goes only to
     * a member of its group or the group's stand-in.
     */
    public boolean mayInvite(UUID requestId, String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        List<String> groups = screening.areasOf(requestId).stream()
                .filter(area -> area.state() == AreaState.OPEN || area.state() == AreaState.COMPLETED)
                .map(area -> screeningGroups.groupOf(area.area()))
                .toList();
        Set<String> standingIn = standIns.groupsOf(username);
        return groups.stream().anyMatch(standingIn::contains)
                || people.isMemberOfAny(Stream.concat(Stream.of(Groups.COORDINATORS), groups.stream()).toList(), username);
    }

    /** Oldest round first. */
    public List<VendorInvitation> rounds(UUID requestId) {
        return invitations.ofRequest(requestId);
    }

    public Optional<VendorInvitation> latest(UUID requestId) {
        List<VendorInvitation> rounds = rounds(requestId);
        return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
    }

    /** Ends an open round whose expiry has passed; does nothing to any other (the job may come twice). */
    @Transactional
    public void expire(UUID invitationId) {
        Optional<VendorInvitation> invitation = invitations.find(invitationId);
        if (invitation.isEmpty()) {
            return;
        }
        UUID requestId = invitation.get().requestId();
        lifecycle.lock(requestId);
        endIfExpired(requestId, invitationId);
    }

    /** Ends an open round whose expiry has passed, under the request's lock; false when it is not open or not due. */
    private boolean endIfExpired(UUID requestId, UUID invitationId) {
        if (!invitations.expire(invitationId, clock.instant())) {
            return false;
        }
        attachments.discardHeld(invitationId);
        history.record(requestId, HistoryKind.VENDOR_EXPIRED, null, null, null, null);
        facts.publishEvent(new VendorLinkExpired(requestId, invitationId));
        return true;
    }

    /** Every municipality's open rounds whose expiry has passed, for the job that expires them, at most {@code limit}. */
    List<DueRound> dueForExpiry(int limit) {
        return Tenancy.callAcross(() -> invitations.dueForExpiry(clock.instant(), limit));
    }

    /** Every municipality's open rounds whose reminder is due and not yet sent, for the job that reminds, at most {@code limit}. */
    List<DueRound> dueForReminder(int limit) {
        return Tenancy.callAcross(() -> invitations.dueForReminder(clock.instant(), limit));
    }

    /**
     * Marks an open round's reminder as sent and says so ({@link VendorReminderDue}), once; does nothing when it is not
     * due (any more).
     */
    @Transactional
    public void remind(UUID invitationId) {
        Optional<VendorInvitation> invitation = invitations.find(invitationId);
        if (invitation.isEmpty()) {
            return;
        }
        UUID requestId = invitation.get().requestId();
        lifecycle.lock(requestId);
        if (invitations.remind(invitationId, clock.instant())) {
            history.record(requestId, HistoryKind.VENDOR_REMINDED, null, null, null, null);
            facts.publishEvent(new VendorReminderDue(requestId, invitationId));
        }
    }

    /** A request decided or withdrawn ends its open round, in the step that closed it. */
    @EventListener
    void requestClosed(RequestClosed closed) {
        invitations.ofRequest(closed.requestId()).stream().filter(round -> round.state() == InvitationState.OPEN).forEach(round -> {
            invitations.end(round.id(), InvitationState.REVOKED, clock.instant(), null, RevokeReason.REQUEST_CLOSED.name());
            attachments.discardHeld(round.id());
            history.record(closed.requestId(), HistoryKind.VENDOR_CLOSED, null, null, null, null);
            facts.publishEvent(new VendorRevoked(closed.requestId(), round.id(), null, RevokeReason.REQUEST_CLOSED));
        });
    }

    static void requireOpen(PurchaseRequest request) {
        if (request.status().isClosed()) {
            throw new ConflictException("Request " + request.id() + " is " + request.status(), "error.vendor.requestClosed");
        }
    }

    private void requireMayInvite(UUID requestId, String username) {
        if (!mayInvite(requestId, username)) {
            throw new AccessDeniedException(username + " may not invite the vendor of request " + requestId);
        }
    }

    /** When a link sent now would expire, for the invitation form to show beside the screening's deadline. */
    public Instant expiryOfLinkSentNow() {
        return atTimeOfDay(lastDay(clock.instant()));
    }

    private LocalDate lastDay(Instant sentAt) {
        return calendar.plusWorkingDays(day(sentAt), properties.linkValidFor());
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(deadlines.zone()).toLocalDate();
    }

    private Instant atTimeOfDay(LocalDate day) {
        return day.atTime(deadlines.timeOfDay()).atZone(deadlines.zone()).toInstant();
    }
}
