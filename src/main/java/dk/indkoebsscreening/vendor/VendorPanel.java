package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.VendorContact;
import dk.indkoebsscreening.vendor.AreaAnswers.SubmittedAnswer;
import dk.indkoebsscreening.screening.VendorOption;
import dk.indkoebsscreening.web.PageErrors;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the staff's pages (a screening task, the request page) show of the vendor's questionnaire of one request: the
 * contact to invite, the rounds and their states, and what the vendor submitted, which are the vendor's statements.
 *
 * @param contact          whom a new round goes to: the last round's contact, else the one the requester named; null when
 *                         nobody is named yet
 * @param namedContact     the contact the requester named on the request, null when none
 * @param language         the language of the last round, else Danish
 * @param mayInvite        whether the viewer may invite, revoke and send new questions ({@link VendorInvitations#mayInvite})
 * @param mayChangeContact whether the viewer may change the contact the requester named (the requester, a coordinator)
 * @param requestClosed    the request is decided or withdrawn: nothing more is sent
 * @param rounds           oldest first
 * @param deadline         the screening's deadline, null before the screening has one: the experts must be done by then
 * @param newLinkExpiresAt when a link sent now would expire (the invitation form says so)
 * @param now              the time the page is shown: a round past its expiry is shown expired before the job marks it
 */
public record VendorPanel(UUID requestId, VendorContact contact, VendorContact namedContact, VendorLanguage language, boolean mayInvite,
                          boolean mayChangeContact, boolean requestClosed, List<VendorInvitation> rounds,
                          List<AreaAnswers> answers, List<RoundFollowUps> followUps, Instant deadline, Instant newLinkExpiresAt,
                          Instant now) {

    /** The follow-up fields a new round's form offers without scripts; the API takes up to the invitation's limit. */
    public static final int FOLLOW_UP_FIELDS = 3;

    public VendorPanel {
        rounds = List.copyOf(rounds);
        answers = List.copyOf(answers);
        followUps = List.copyOf(followUps);
    }

    /** The round the vendor can still answer, if any: one past its expiry is over (a new round ends it for good). */
    public Optional<VendorInvitation> open() {
        return rounds.stream().filter(round -> round.state() == InvitationState.OPEN && !expired(round)).findFirst();
    }

    /** A new round can be sent: the first, or after the last one ended; follow-up questions only after the first. */
    public boolean mayStartRound() {
        return mayInvite && !requestClosed && open().isEmpty();
    }

    /** Whether a link expiring then runs past the screening's deadline, so its answers may come after the experts must be done. */
    public boolean pastDeadline(Instant expiresAt) {
        return deadline != null && expiresAt != null && expiresAt.isAfter(deadline);
    }

    /** Whether a round has expired: marked so, or open with its expiry passed (the job marks it within minutes). */
    public boolean expired(VendorInvitation round) {
        return round.state() == InvitationState.EXPIRED || round.state() == InvitationState.OPEN && !round.answerableAt(now);
    }

    /** The round's state as the panel names it: opened by the vendor, or expired once its time has passed. */
    public String shownState(VendorInvitation round) {
        if (expired(round)) {
            return InvitationState.EXPIRED.name();
        }
        return round.state() == InvitationState.OPEN && round.openedAt() != null ? "OPENED" : round.state().name();
    }

    public boolean firstRound() {
        return rounds.isEmpty();
    }

    /** The vendor's latest submitted answer to a checklist question, or null: the task page shows it beside the question. */
    public SubmittedAnswer answer(String questionId) {
        return answers.stream().flatMap(area -> area.answer(questionId).stream()).findFirst().orElse(null);
    }

    /** The vendor's answers to one area's questions, empty when none were submitted. */
    public List<SubmittedAnswer> answersOf(Area area) {
        return answers.stream().filter(part -> part.area() == area).flatMap(part -> part.answers().stream()).toList();
    }

    /** A choice's option as the staff read it (Danish), any other answer as the vendor wrote it. */
    public String shownValue(SubmittedAnswer answer) {
        return answer.question().options().stream().filter(option -> option.value().equals(answer.value()))
                .map(VendorOption::text).findFirst().orElse(answer.value());
    }

    /** The empty follow-up fields of a new round's form. */
    public List<String> followUpFields() {
        return Collections.nCopies(FOLLOW_UP_FIELDS, null);
    }

    /** The panel's forms are new: their problems come back on a page of their own. */
    public PageErrors noErrors() {
        return PageErrors.none();
    }

    public boolean hasAnswers() {
        return answers.stream().anyMatch(area -> !area.answers().isEmpty()) || !followUps.isEmpty();
    }
}
