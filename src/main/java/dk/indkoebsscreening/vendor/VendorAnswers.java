package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.attachment.AttachmentService;
import dk.indkoebsscreening.attachment.AttachmentStep;
import dk.indkoebsscreening.attachment.CheckedUpload;
import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.RequestNotFoundException;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.screening.AreaScreening;
import dk.indkoebsscreening.screening.AreaState;
import dk.indkoebsscreening.screening.ChecklistQuestion;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.screening.VendorAnswerType;
import dk.indkoebsscreening.screening.VendorOption;
import dk.indkoebsscreening.screening.VendorQuestion;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.PlainText;
import dk.indkoebsscreening.vendor.AreaAnswers.SubmittedAnswer;
import dk.indkoebsscreening.vendor.InvitationRepository.StoredAnswer;
import dk.indkoebsscreening.vendor.InvitationRepository.StoredDocument;
import dk.indkoebsscreening.vendor.RoundFollowUps.AnsweredFollowUp;
import dk.indkoebsscreening.vendor.VendorQuestionnaire.AreaPart;
import dk.indkoebsscreening.vendor.VendorQuestionnaire.AskedQuestion;
import dk.indkoebsscreening.vendor.VendorQuestionnaire.FollowUp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vendor's side of a round: what they are asked, their answers (checked against each question's type: all or
 * nothing), their documents (under the attachment rules, held for the round until it is submitted, then the request's
 * attachments), the submission; and the experts' read of what the vendor submitted. The caller (the vendor's session) names the invitation; the vendor may change it
 * only while it is open and not expired.
 */
@Service
public class VendorAnswers {

    /** The longest text answer. */
    public static final int MAX_TEXT = 4000;
    static final String FOLLOW_UP_PREFIX = "followUp";

    private final InvitationRepository invitations;
    private final Requests requests;
    private final RequestLifecycle lifecycle;
    private final ScreeningService screening;
    private final AttachmentService attachments;
    private final CaseHistory history;
    private final Municipalities municipalities;
    private final ApplicationEventPublisher facts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VendorAnswers(InvitationRepository invitations, Requests requests, RequestLifecycle lifecycle, ScreeningService screening,
                  AttachmentService attachments, CaseHistory history, Municipalities municipalities,
                  ApplicationEventPublisher facts, PlatformTransactionManager transactionManager, Clock clock) {
        this.invitations = invitations;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.screening = screening;
        this.attachments = attachments;
        this.history = history;
        this.municipalities = municipalities;
        this.facts = facts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * What the vendor of this round is asked: the round's follow-up questions, and the questions for the vendor of the
     * areas in the request's scope (all areas while the scope is not settled) unless an earlier round was submitted and
     * this one has follow-up questions: then the vendor's earlier submitted answers come along read-only instead.
     *
     * @throws NotFoundException no such invitation
     */
    public VendorQuestionnaire questionnaire(UUID invitationId) {
        VendorInvitation invitation = invitation(invitationId);
        PurchaseRequest request = requests.findById(invitation.requestId()).orElseThrow(() -> new RequestNotFoundException(invitation.requestId()));
        List<AreaAnswers> earlier = latestSubmitted(submittedRounds(request.id()).stream()
                .filter(round -> round.round() < invitation.round()).toList(), documentsOf(request.id()));
        boolean followUpsOnly = !earlier.isEmpty() && !invitation.followUpQuestions().isEmpty();
        List<AreaPart> areas = followUpsOnly ? List.of() : areasInScope(request.id()).stream()
                .map(area -> new AreaPart(area, screening.checklist(area).stream().filter(question -> question.vendor() != null)
                        .map(question -> new AskedQuestion(question.id(), question.vendor())).toList()))
                .filter(part -> !part.questions().isEmpty())
                .toList();
        List<FollowUp> followUps = IntStream.range(0, invitation.followUpQuestions().size())
                .mapToObj(i -> new FollowUp(FOLLOW_UP_PREFIX + (i + 1), invitation.followUpQuestions().get(i))).toList();
        return new VendorQuestionnaire(invitation, municipalities.current().name(), request.title(), areas, followUps, earlier);
    }

    /** The round's answers as saved so far, by question id, with their documents. */
    public Map<String, VendorAnswer> answers(UUID invitationId) {
        VendorInvitation invitation = invitation(invitationId);
        Map<UUID, Attachment> files = new LinkedHashMap<>(documentsOf(invitation.requestId()));
        attachments.heldBy(invitationId).forEach(file -> files.put(file.id(), file));
        return answersOf(invitation, files);
    }

    /**
     * Saves the given answers of an open round at once (an empty value clears one), or none when any is refused.
     *
     * @throws InvalidInputException a value that does not fit its question, or a question not asked
     * @throws ConflictException     the round is not open (submitted, revoked, expired)
     */
    @Transactional
    public void save(UUID invitationId, Map<String, String> answers) {
        VendorInvitation invitation = lockOpen(invitationId).invitation();
        Map<String, VendorAnswerType> asked = asked(questionnaire(invitationId));
        List<FieldProblem> problems = new ArrayList<>();
        if (answers.size() > asked.size()) {
            problems.add(new FieldProblem("answers", "vendor.answer.unknown"));
        } else {
            answers.forEach((questionId, value) -> problem(asked.get(questionId), questionId, value).ifPresent(problems::add));
        }
        InvalidInputException.throwIfAny(problems);
        Instant now = clock.instant();
        answers.forEach((questionId, value) -> {
            if (value == null || value.isBlank()) {
                invitations.deleteAnswer(invitationId, questionId);
            } else {
                invitations.saveAnswer(invitationId, questionId, value.strip(), now);
            }
        });
        history.record(invitation.requestId(), HistoryKind.VENDOR_SAVED, invitation.vendorActor(), null, null, null);
    }

    /**
     * Sends the round's answers to the experts; the round is read-only from then on. Its files become the request's,
     * added by the vendor as the request names the company (not the contact: events carry it), each announced.
     *
     * @throws InvalidInputException nothing answered
     * @throws ConflictException     the round is not open
     */
    @Transactional
    public void submit(UUID invitationId) {
        Locked locked = lockOpen(invitationId);
        VendorInvitation invitation = locked.invitation();
        if (invitations.answers(invitationId).isEmpty() && invitations.documents(invitationId).isEmpty()) {
            throw InvalidInputException.of("answers", "vendor.submit.empty");
        }
        invitations.submit(invitationId, clock.instant());
        attachments.release(invitation.requestId(), locked.request().reference(), invitationId, companyActor(locked.request()));
        history.record(invitation.requestId(), HistoryKind.VENDOR_SUBMITTED, invitation.vendorActor(), null,
                String.valueOf(invitation.round()), null);
        facts.publishEvent(new VendorAnswered(invitation.requestId(), invitationId));
    }

    /**
     * Adds a file to a question of an open round, under the attachment rules (type by content, limits, name), as the
     * vendor, held for the round: nobody else sees it before the round is submitted. Do not call it in a transaction: the
     * file's type is found before the step that stores it begins.
     *
     * @throws InvalidInputException the question is not asked in this round
     * @throws ConflictException     the round is not open
     * @throws dk.indkoebsscreening.system.RefusedFileException the attachment rules refuse the file
     */
    public VendorDocument addDocument(UUID invitationId, String questionId, Upload upload) {
        // a round that is closed or a question not asked costs no reading of the file
        requireOpen(invitation(invitationId));
        requireAsked(invitationId, questionId);
        CheckedUpload checked = attachments.check(upload);
        return transactions.execute(status -> {
            Locked locked = lockOpen(invitationId);
            Area area = areaOf(questionId);
            Attachment attachment = attachments.hold(locked.request().id(), invitationId, AttachmentStep.SCREENING, area,
                    locked.invitation().vendorActor(), checked);
            invitations.insertDocument(attachment.id(), invitationId, questionId);
            // without the file's name: what the vendor has not handed in is not the experts' to read yet
            history.record(locked.request().id(), HistoryKind.VENDOR_DOCUMENT_ADDED, locked.invitation().vendorActor(), area, null, null);
            return new VendorDocument(attachment.id(), questionId, attachment.name(), attachment.size());
        });
    }

    /**
     * Removes one of this round's files while it is open.
     *
     * @throws NotFoundException no such file of this round
     * @throws ConflictException the round is not open
     */
    @Transactional
    public void removeDocument(UUID invitationId, UUID attachmentId) {
        Locked locked = lockOpen(invitationId);
        if (!invitations.deleteDocument(invitationId, attachmentId)) {
            throw new NotFoundException("No document " + attachmentId + " of vendor invitation " + invitationId);
        }
        attachments.removeHeld(locked.request().id(), invitationId, attachmentId);
        history.record(locked.request().id(), HistoryKind.VENDOR_DOCUMENT_REMOVED, locked.invitation().vendorActor(), null, null, null);
    }

    /** Per area, the latest submitted answer to each question for the vendor, across the rounds; no drafts. */
    public List<AreaAnswers> forRequest(UUID requestId) {
        return latestSubmitted(submittedRounds(requestId), documentsOf(requestId));
    }

    /** Per area, the latest answer to each question for the vendor in the given submitted rounds (the latest first). */
    private List<AreaAnswers> latestSubmitted(List<VendorInvitation> submitted, Map<UUID, Attachment> files) {
        // the latest round first, so the first answer found for a question is its latest
        Map<UUID, Map<String, VendorAnswer>> answers = submitted.stream()
                .collect(Collectors.toMap(VendorInvitation::id, round -> answersOf(round, files)));
        List<AreaAnswers> result = new ArrayList<>();
        for (Area area : Area.values()) {
            List<SubmittedAnswer> answered = new ArrayList<>();
            for (ChecklistQuestion question : screening.checklist(area)) {
                if (question.vendor() == null) {
                    continue;
                }
                submitted.stream().filter(round -> answers.get(round.id()).containsKey(question.id())).findFirst().ifPresent(round -> {
                    VendorAnswer answer = answers.get(round.id()).get(question.id());
                    answered.add(new SubmittedAnswer(question.id(), question.vendor(), answer.value(), answer.documents(), round.round(),
                            round.submittedAt()));
                });
            }
            if (!answered.isEmpty()) {
                result.add(new AreaAnswers(area, answered));
            }
        }
        return result;
    }

    /** Each submitted round's follow-up questions with the vendor's answers, oldest round first. */
    public List<RoundFollowUps> followUps(UUID requestId) {
        Map<UUID, Attachment> files = documentsOf(requestId);
        return invitations.ofRequest(requestId).stream()
                .filter(round -> round.submittedAt() != null && !round.followUpQuestions().isEmpty()).map(round -> {
            Map<String, VendorAnswer> answers = answersOf(round, files);
            return new RoundFollowUps(round.round(), round.submittedAt(), IntStream.range(0, round.followUpQuestions().size()).mapToObj(i -> {
                String id = FOLLOW_UP_PREFIX + (i + 1);
                Optional<VendorAnswer> answer = Optional.ofNullable(answers.get(id));
                return new AnsweredFollowUp(id, round.followUpQuestions().get(i), answer.map(VendorAnswer::value).orElse(null),
                        answer.map(VendorAnswer::documents).orElse(List.of()));
            }).toList());
        }).toList();
    }

    /** Submitted rounds, the latest first (a submitted round stays submitted when its link is later revoked or expires). */
    private List<VendorInvitation> submittedRounds(UUID requestId) {
        return invitations.ofRequest(requestId).stream().filter(round -> round.submittedAt() != null)
                .sorted(Comparator.comparingInt(VendorInvitation::round).reversed()).toList();
    }

    private Map<String, VendorAnswer> answersOf(VendorInvitation invitation, Map<UUID, Attachment> files) {
        Map<String, List<VendorDocument>> documents = new TreeMap<>();
        for (StoredDocument stored : invitations.documents(invitation.id())) {
            Attachment file = files.get(stored.attachmentId());
            if (file != null) {
                documents.computeIfAbsent(stored.questionId(), id -> new ArrayList<>())
                        .add(new VendorDocument(file.id(), stored.questionId(), file.name(), file.size()));
            }
        }
        Map<String, VendorAnswer> answers = new LinkedHashMap<>();
        for (StoredAnswer stored : invitations.answers(invitation.id())) {
            answers.put(stored.questionId(), new VendorAnswer(stored.questionId(), stored.value(),
                    documents.getOrDefault(stored.questionId(), List.of()), stored.savedAt()));
        }
        documents.forEach((questionId, filesOnly) -> answers.putIfAbsent(questionId, new VendorAnswer(questionId, null, filesOnly, null)));
        return answers;
    }

    /** The request's files that are still there, by id. */
    private Map<UUID, Attachment> documentsOf(UUID requestId) {
        return attachments.ofRequest(requestId).stream().filter(file -> !file.removed())
                .collect(Collectors.toMap(Attachment::id, Function.identity()));
    }

    /** How the request's files and their events name the vendor: by the company the requester named, if any. */
    static String companyActor(PurchaseRequest request) {
        return request.vendor() == null || request.vendor().isBlank() ? "Leverandøren" : "Leverandøren (" + request.vendor().strip() + ")";
    }

    private List<Area> areasInScope(UUID requestId) {
        List<AreaScreening> areas = screening.areasOf(requestId);
        List<Area> inScope = areas.stream().filter(area -> area.state() != AreaState.NOT_RELEVANT).map(AreaScreening::area).toList();
        return inScope.isEmpty() ? Arrays.asList(Area.values()) : inScope;
    }

    /** Every question asked in the round by id, a follow-up as text. */
    private static Map<String, VendorAnswerType> asked(VendorQuestionnaire questionnaire) {
        Map<String, VendorAnswerType> asked = new LinkedHashMap<>();
        questionnaire.areas().forEach(part -> part.questions().forEach(question -> asked.put(question.id(), question.question().answer())));
        questionnaire.followUps().forEach(followUp -> asked.put(followUp.id(), VendorAnswerType.TEXT));
        return asked;
    }

    private Optional<FieldProblem> problem(VendorAnswerType type, String questionId, String value) {
        if (type == null) {
            // the id is not echoed: it came from no page of ours
            return Optional.of(new FieldProblem("answers", "vendor.answer.unknown"));
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String answer = value.strip();
        return switch (type) {
            case YES_NO -> Set.of("YES", "NO").contains(answer) ? Optional.empty()
                    : Optional.of(new FieldProblem(questionId, "vendor.answer.yesNo"));
            case CHOICE -> optionsOf(questionId).contains(answer) ? Optional.empty()
                    : Optional.of(new FieldProblem(questionId, "vendor.answer.option"));
            case TEXT -> answer.length() > MAX_TEXT ? Optional.of(new FieldProblem(questionId, "field.tooLong"))
                    : PlainText.Validator.accepts(answer, true) ? Optional.empty()
                    : Optional.of(new FieldProblem(questionId, "field.controlCharacters"));
            case DOCUMENT -> Optional.of(new FieldProblem(questionId, "vendor.answer.documentOnly"));
        };
    }

    private List<String> optionsOf(String questionId) {
        return vendorQuestion(questionId).map(question -> question.options().stream().map(VendorOption::value).toList()).orElse(List.of());
    }

    private static Optional<VendorQuestion> vendorQuestionIn(List<ChecklistQuestion> checklist, String questionId) {
        return checklist.stream().filter(question -> question.id().equals(questionId)).map(ChecklistQuestion::vendor)
                .filter(Objects::nonNull).findFirst();
    }

    private Optional<VendorQuestion> vendorQuestion(String questionId) {
        return Arrays.stream(Area.values()).map(area -> vendorQuestionIn(screening.checklist(area), questionId))
                .flatMap(Optional::stream).findFirst();
    }

    /** The area whose checklist asks the question; null for a follow-up. */
    private Area areaOf(String questionId) {
        return Arrays.stream(Area.values()).filter(area -> vendorQuestionIn(screening.checklist(area), questionId).isPresent())
                .findFirst().orElse(null);
    }

    private void requireAsked(UUID invitationId, String questionId) {
        if (questionId == null || !asked(questionnaire(invitationId)).containsKey(questionId)) {
            throw InvalidInputException.of("questionId", "vendor.answer.unknown");
        }
    }

    private VendorInvitation invitation(UUID invitationId) {
        return invitations.find(invitationId).orElseThrow(() -> new NotFoundException("No vendor invitation " + invitationId));
    }

    private record Locked(PurchaseRequest request, VendorInvitation invitation) {
    }

    /** Locks the round's request and reads the round again under the lock, if the vendor may still change it. */
    private Locked lockOpen(UUID invitationId) {
        PurchaseRequest request = lifecycle.lock(invitation(invitationId).requestId());
        VendorInvitation invitation = invitation(invitationId);
        if (request.status().isClosed()) {
            throw new ConflictException("Request " + request.id() + " is " + request.status(), "error.vendor.notOpen");
        }
        requireOpen(invitation);
        return new Locked(request, invitation);
    }

    /** Open and not past its expiry, even before the job marked it expired. */
    private void requireOpen(VendorInvitation invitation) {
        if (!invitation.answerableAt(clock.instant())) {
            throw new ConflictException("Vendor invitation " + invitation.id() + " is " + invitation.state(), "error.vendor.notOpen");
        }
    }
}
