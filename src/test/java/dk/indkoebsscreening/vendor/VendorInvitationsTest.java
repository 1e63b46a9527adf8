package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.deadline.WorkingDayCalendar;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Invitations in rounds: who may invite and revoke, one open round, follow-ups, expiry, and the request closing. */
@RecordApplicationEvents
class VendorInvitationsTest extends VendorTestBase {

    @Autowired
    ApplicationEvents facts;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    DeadlineProperties deadlines;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anExpertInvitesOnceWhileTheRoundIsOpen() {
        UUID requestId = inScreening("Leverandøren inviteres");

        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);

        assertThat(invited.round()).isEqualTo(1);
        assertThat(invited.state()).isEqualTo(InvitationState.OPEN);
        assertThat(invited.invitedBy()).isEqualTo(EXPERT);
        assertThat(invited.expiresAt().atZone(deadlines.zone()).toLocalDate()).as("10 working days after the day of the invitation")
                .isEqualTo(calendar.plusWorkingDays(invited.invitedAt().atZone(deadlines.zone()).toLocalDate(), 10));
        assertThat(invitations.rounds(requestId)).containsExactly(invited);
        assertThat(invitations.latest(requestId)).contains(invited);
        assertThat(history(requestId, HistoryKind.VENDOR_INVITED)).containsExactly(EXPERT);
        assertThat(facts.stream(VendorInvited.class)).containsExactly(new VendorInvited(requestId, invited.id()));

        assertThatThrownBy(() -> invitations.invite(requestId, invite(), Lifecycle.COORDINATOR))
                .isInstanceOf(ConflictException.class);
        assertThat(rows("vendor_invitation", requestId)).isEqualTo(1);
        assertThat(history(requestId, HistoryKind.VENDOR_INVITED)).hasSize(1);
    }

    @Test
    void followUpQuestionsComeInANewRoundAfterTheAnswers() {
        UUID requestId = inScreening("Opfølgende spørgsmål");
        assertThatThrownBy(() -> invitations.invite(requestId, invite("Which sub-processors host the data?"), EXPERT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.problems()).extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("followUpQuestions"));
        assertThat(rows("vendor_invitation", requestId)).isZero();

        VendorInvitation first = invitations.invite(requestId, invite(), EXPERT);
        answers.save(first.id(), Map.of("iso27001", "YES"));
        answers.submit(first.id());
        VendorInvitation second = invitations.invite(requestId, invite("Which sub-processors host the data?"), "brugerstyring");

        assertThat(second.round()).isEqualTo(2);
        assertThat(second.followUpQuestions()).containsExactly("Which sub-processors host the data?");
        assertThat(invitations.rounds(requestId)).extracting(VendorInvitation::round, VendorInvitation::state)
                .containsExactly(tuple(1, InvitationState.SUBMITTED),
                        tuple(2, InvitationState.OPEN));
        assertThat(answers.questionnaire(second.id()).followUps())
                .containsExactly(new VendorQuestionnaire.FollowUp("followUp1", "Which sub-processors host the data?"));
    }

    @Test
    void anInvitationIsBoundedAndPlainText() {
        UUID requestId = inScreening("Ugyldig invitation");
        List<Invite> invalid = List.of(
                new Invite("", "jane@vendor.example", VendorLanguage.EN, List.of()),
                new Invite("Jane", "not an address", VendorLanguage.EN, List.of()),
                // The request's form refuses an address without a dot in its domain: so does the invitation.
                new Invite("Jane", "jane@vendor", VendorLanguage.EN, List.of()),
                new Invite("Jane", "jane@vendor.example\r\nBcc: all@municipality.example", VendorLanguage.EN, List.of()),
                new Invite("Jane\r\nBcc: all@municipality.example", "jane@vendor.example", VendorLanguage.EN, List.of()),
                new Invite("Jane\u202E", "jane@vendor.example", VendorLanguage.EN, List.of()),
                new Invite("J".repeat(201), "jane@vendor.example", VendorLanguage.EN, List.of()),
                new Invite("Jane", "jane@vendor.example", null, List.of()));
        for (Invite refused : invalid) {
            assertThatThrownBy(() -> invitations.invite(requestId, refused, EXPERT)).as(refused.toString())
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(rows("vendor_invitation", requestId)).isZero();
        assertThat(history(requestId, HistoryKind.VENDOR_INVITED)).isEmpty();
    }

    @Test
    void coordinatorsAndTheRequestsExpertsMayInviteNobodyElse() {
        UUID inTriage = UUID.fromString(api.submit("anna", "Endnu i triage").get("id").asText());
        assertThat(invitations.mayInvite(inTriage, Lifecycle.COORDINATOR)).isTrue();
        assertThat(invitations.mayInvite(inTriage, EXPERT)).as("no screening task yet").isFalse();

        UUID requestId = inScreening("Hvem må invitere");
        assertThat(invitations.mayInvite(requestId, Lifecycle.COORDINATOR)).isTrue();
        assertThat(List.of("sikkerhed", "brugerstyring", "support", "kontrakt", "installation", "implementering"))
                .allMatch(expert -> invitations.mayInvite(requestId, expert));
        assertThat(List.of("anna", "bent", "admin", "nobody", "")).noneMatch(user -> invitations.mayInvite(requestId, user));

        assertThatThrownBy(() -> invitations.invite(requestId, invite(), "anna")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invite(inTriage, invite(), EXPERT)).isInstanceOf(AccessDeniedException.class);
        VendorInvitation invited = invitations.invite(requestId, invite(), Lifecycle.COORDINATOR);
        assertThatThrownBy(() -> invitations.revoke(requestId, invited.id(), "anna")).isInstanceOf(AccessDeniedException.class);
        assertThat(rows("vendor_invitation", inTriage)).isZero();
        assertThat(state(invited.id())).isEqualTo("OPEN");
    }

    @Test
    void aRevokedInvitationEndsOnceAndOnItsOwnRequest() {
        UUID requestId = inScreening("Tilbagekaldt");
        UUID other = inScreening("En anden anmodning");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);

        assertThatThrownBy(() -> invitations.revoke(other, invited.id(), EXPERT)).isInstanceOf(NotFoundException.class);
        assertThat(state(invited.id())).isEqualTo("OPEN");

        invitations.revoke(requestId, invited.id(), EXPERT);

        VendorInvitation revoked = invitations.latest(requestId).orElseThrow();
        assertThat(revoked.state()).isEqualTo(InvitationState.REVOKED);
        assertThat(revoked.endedBy()).isEqualTo(EXPERT);
        assertThat(revoked.endedAt()).isNotNull();
        assertThat(history(requestId, HistoryKind.VENDOR_REVOKED)).containsExactly(EXPERT);
        assertThat(facts.stream(VendorRevoked.class))
                .containsExactly(new VendorRevoked(requestId, invited.id(), EXPERT, RevokeReason.STAFF));
        assertThatThrownBy(() -> invitations.revoke(requestId, invited.id(), Lifecycle.COORDINATOR)).isInstanceOf(ConflictException.class);
        assertThat(history(requestId, HistoryKind.VENDOR_REVOKED)).hasSize(1);

        assertThat(invitations.invite(requestId, invite("Please answer the questions again."), EXPERT).round())
                .as("a new round after a revoked one").isEqualTo(2);
    }

    @Test
    void anOpenRoundExpiresOnceItsTimeHasPassed() {
        UUID requestId = inScreening("Udløber");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);

        invitations.expire(invited.id());
        assertThat(state(invited.id())).as("not yet due").isEqualTo("OPEN");
        assertThat(invitations.dueForExpiry(100)).extracting(DueRound::invitationId).doesNotContain(invited.id());

        ClockUtil.setCurrentTime(Date.from(invited.expiresAt().plus(Duration.ofMinutes(1))));
        assertThat(invitations.dueForExpiry(100)).extracting(DueRound::invitationId).contains(invited.id());
        invitations.expire(invited.id());
        invitations.expire(invited.id());
        ClockUtil.reset();

        VendorInvitation expired = invitations.latest(requestId).orElseThrow();
        assertThat(expired.state()).isEqualTo(InvitationState.EXPIRED);
        assertThat(expired.endedAt()).isEqualTo(invited.expiresAt());
        assertThat(history(requestId, HistoryKind.VENDOR_EXPIRED)).hasSize(1);
        assertThat(facts.stream(VendorLinkExpired.class)).containsExactly(new VendorLinkExpired(requestId, invited.id()));
        assertThatThrownBy(() -> invitations.revoke(requestId, invited.id(), EXPERT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aNewRoundEndsARoundWhoseTimeHasPassedBeforeTheJobMarksIt() {
        UUID requestId = inScreening("Udløbet, ny runde");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);

        ClockUtil.setCurrentTime(Date.from(invited.expiresAt().plus(Duration.ofMinutes(1))));
        VendorInvitation again = invitations.invite(requestId, invite(), EXPERT);
        ClockUtil.reset();

        assertThat(again.round()).isEqualTo(2);
        assertThat(state(invited.id())).isEqualTo("EXPIRED");
        assertThat(state(again.id())).isEqualTo("OPEN");
        assertThat(history(requestId, HistoryKind.VENDOR_EXPIRED)).hasSize(1);
        assertThat(facts.stream(VendorLinkExpired.class)).containsExactly(new VendorLinkExpired(requestId, invited.id()));
    }

    @Test
    void anOpenRoundIsRemindedOnceBeforeItExpires() {
        UUID requestId = inScreening("Påmindes");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        Instant remindAt = calendar.minusWorkingDays(invited.expiresAt().atZone(deadlines.zone()).toLocalDate(), 2)
                .atTime(deadlines.timeOfDay()).atZone(deadlines.zone()).toInstant();

        invitations.remind(invited.id());
        assertThat(invitations.dueForReminder(100)).extracting(DueRound::invitationId).doesNotContain(invited.id());

        ClockUtil.setCurrentTime(Date.from(remindAt.plus(Duration.ofMinutes(1))));
        assertThat(invitations.dueForReminder(100)).extracting(DueRound::invitationId).contains(invited.id());
        invitations.remind(invited.id());
        invitations.remind(invited.id());
        ClockUtil.reset();

        assertThat(invitations.latest(requestId).orElseThrow().remindedAt()).isNotNull();
        assertThat(history(requestId, HistoryKind.VENDOR_REMINDED)).hasSize(1);
        assertThat(facts.stream(VendorReminderDue.class)).containsExactly(new VendorReminderDue(requestId, invited.id()));
    }

    @Test
    void aWithdrawnRequestClosesItsOpenRound() {
        UUID requestId = inScreening("Trækkes tilbage");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        String token = token(invited.id());

        assertThat(api.post("anna", "/api/requests/" + requestId + "/withdraw", Map.of("reason", "Ikke længere aktuelt")).status())
                .isEqualTo(204);

        VendorInvitation closed = invitations.latest(requestId).orElseThrow();
        assertThat(closed.state()).isEqualTo(InvitationState.REVOKED);
        assertThat(closed.endedBy()).isNull();
        assertThat(jdbc.sql("select end_reason from vendor_invitation where id = ?").param(invited.id()).query(String.class).single())
                .isEqualTo("REQUEST_CLOSED");
        assertThat(history(requestId, HistoryKind.VENDOR_CLOSED)).hasSize(1);
        assertThat(links.check(token)).isInstanceOfSatisfying(LinkCheck.Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.CLOSED));
        assertThatThrownBy(() -> invitations.invite(requestId, invite("Still there?"), Lifecycle.COORDINATOR))
                .isInstanceOf(ConflictException.class);
        assertThat(rows("vendor_invitation", requestId)).isEqualTo(1);
    }

    @Test
    void aDecidedRequestClosesItsOpenRound() {
        UUID requestId = inScreening("Afgøres");
        lifecycle.approveAll(requestId.toString());
        VendorInvitation invited = invitations.invite(requestId, invite(), Lifecycle.COORDINATOR);

        lifecycle.decide(requestId.toString(), "APPROVED", null);

        assertThat(invitations.latest(requestId).orElseThrow().state()).isEqualTo(InvitationState.REVOKED);
        assertThat(history(requestId, HistoryKind.VENDOR_CLOSED)).hasSize(1);
        assertThatThrownBy(() -> answers.save(invited.id(), Map.of("iso27001", "YES"))).isInstanceOf(ConflictException.class);
        assertThat(vendorRows("vendor_answer", invited.id())).isZero();
    }
}
