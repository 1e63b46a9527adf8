package dk.indkoebsscreening.request;

import dk.indkoebsscreening.attachment.AttachmentService;
import dk.indkoebsscreening.attachment.CheckedUpload;
import dk.indkoebsscreening.attachment.AttachmentStep;
import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.deadline.Deadline;
import dk.indkoebsscreening.deadline.DeadlineCalculator;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.events.EventAmounts;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.process.EngineGate;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.scope.FastTrackHandling;
import dk.indkoebsscreening.scope.Scope;
import dk.indkoebsscreening.scope.ScopeRepository;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.Text;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Submitting purchase requests: numbered, stored with their event and their started process, made once. */
@Service
public class RequestService {

    private final RequestRepository requests;
    private final DeadlineCalculator deadlines;
    private final DeadlineProperties deadlineProperties;
    private final OutboxWriter outbox;
    private final RuntimeService runtimeService;
    private final Clock clock;
    private final TransactionTemplate numbering;
    private final TransactionTemplate submission;
    private final ApplicationEventPublisher events;
    private final AttachmentService attachments;
    private final CaseHistory history;
    private final ProposedScope proposedScope;
    private final ScopeRepository scopes;
    private final RequestDrafts drafts;

    RequestService(RequestRepository requests, DeadlineCalculator deadlines, DeadlineProperties deadlineProperties,
                   OutboxWriter outbox, RuntimeService runtimeService, Clock clock, PlatformTransactionManager transactionManager,
                   ApplicationEventPublisher events, AttachmentService attachments, CaseHistory history,
                   ProposedScope proposedScope, ScopeRepository scopes, RequestDrafts drafts) {
        this.drafts = drafts;
        this.requests = requests;
        this.deadlines = deadlines;
        this.deadlineProperties = deadlineProperties;
        this.outbox = outbox;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.numbering = new TransactionTemplate(transactionManager);
        this.numbering.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.submission = new TransactionTemplate(transactionManager);
        this.events = events;
        this.attachments = attachments;
        this.history = history;
        this.proposedScope = proposedScope;
        this.scopes = scopes;
    }

    /**
     * Stores the request, its "submitted" event and the started process in one transaction: either
     * the requester gets a reference and all three exist, or nothing does. The reference is numbered
     * just before, in a transaction of its own, so the year's counter row is locked for one statement
     * instead of the whole submission (which queued concurrent submissions behind each other, see
     * BENCHMARKS.md). A submission that fails after that leaves its number unused: references are unique
     * and increasing, not gapless.
     */
    public PurchaseRequest submit(PurchaseRequestForm form, String requester) {
        return submit(form, requester, null).request();
    }

    /**
     * What the form's annotations cannot say: "no personal data" is not ticked together with a category; the vendor's
     * contact has both a name and an address or neither; a re-screening names an earlier request the requester may read, and says
     * what has changed since.
     */
    public List<FieldProblem> problems(PurchaseRequestForm form, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.personalDataCategories() != null && !form.personalDataCategories().isEmpty()
                && !PersonalData.consistent(form.personalDataCategories())) {
            problems.add(new FieldProblem("personalDataCategories", "request.personalData.noneAlone"));
        }
        if (Text.isBlank(form.vendorContactName()) != Text.isBlank(form.vendorContactEmail())) {
            problems.add(Text.isBlank(form.vendorContactName())
                    ? new FieldProblem("vendorContactName", "request.vendorContact.name.required")
                    : new FieldProblem("vendorContactEmail", "request.vendorContact.email.required"));
        }
        fundingProblems(form, problems);
        if (form.previousRequestId() == null) {
            return problems;
        }
        if (requests.findById(form.previousRequestId()).filter(previous -> Requests.mayRead(previous, user)).isEmpty()) {
            problems.add(new FieldProblem("previousRequestId", "request.previousRequest.unknown"));
        }
        if (Text.orNull(form.changesSinceLast()) == null) {
            problems.add(new FieldProblem("changesSinceLast", "request.changesSinceLast.required"));
        }
        return problems;
    }

    /** Who pays: both or neither, a pool or fund named; the benefits: every criterion rated and described, or nothing. */
    private static void fundingProblems(PurchaseRequestForm form, List<FieldProblem> problems) {
        if (form.purchaseFunding() == null && form.operationFunding() != null) {
            problems.add(new FieldProblem("purchaseFunding", "request.purchaseFunding.required"));
        }
        if (form.operationFunding() == null && form.purchaseFunding() != null) {
            problems.add(new FieldProblem("operationFunding", "request.operationFunding.required"));
        }
        if (form.purchaseFunding() != null && form.purchaseFunding().named() && form.purchaseFundingName() == null) {
            problems.add(new FieldProblem("purchaseFundingName", "request.fundingName.required"));
        }
        if (form.operationFunding() != null && form.operationFunding().named() && form.operationFundingName() == null) {
            problems.add(new FieldProblem("operationFundingName", "request.fundingName.required"));
        }
        boolean benefitsBegun = !form.expectedBenefits().isEmpty() || form.benefitsDescription() != null;
        if (benefitsBegun && form.expectedBenefits().size() < BenefitCriterion.values().length) {
            problems.add(new FieldProblem("expectedBenefits", "request.expectedBenefits.allRated"));
        }
        if (benefitsBegun && form.benefitsDescription() == null) {
            problems.add(new FieldProblem("benefitsDescription", "request.benefitsDescription.required"));
        }
    }

    /**
     * What the request form asks of everyone besides the API's rules: who pays and the expected benefits (an integration
     * that does not know them may leave both out; a person answers them).
     */
    public List<FieldProblem> unansweredOnTheForm(PurchaseRequestForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.purchaseFunding() == null && form.operationFunding() == null) {
            problems.add(new FieldProblem("purchaseFunding", "request.purchaseFunding.required"));
            problems.add(new FieldProblem("operationFunding", "request.operationFunding.required"));
        }
        if (form.expectedBenefits().isEmpty() && form.benefitsDescription() == null) {
            problems.add(new FieldProblem("expectedBenefits", "request.expectedBenefits.allRated"));
            problems.add(new FieldProblem("benefitsDescription", "request.benefitsDescription.required"));
        }
        return problems;
    }

    /** A submission's result: the request, and whether an earlier submission with the same key made it. */
    public record Submission(PurchaseRequest request, boolean repeated) {
    }

    /**
     * Submits at most once per key: a repeat of the same content with the same key (a double click, a client
     * retrying after a lost answer) gets the request the first one made, even when both arrive at once; the
     * key used again for different content is refused.
     *
     * @param submissionKey the API's Idempotency-Key or the request form's token; null submits unconditionally
     * @throws SubmissionKeyReusedException the key was used for a different request
     */
    public Submission submit(PurchaseRequestForm form, String requester, String submissionKey) {
        return submit(form, requester, submissionKey, List.of());
    }

    /** The same, with the files of the request form, stored in the submission's transaction (a refused one stores nothing). */
    public Submission submit(PurchaseRequestForm form, String requester, String submissionKey, List<Upload> files) {
        return submit(form, requester, submissionKey, files, null);
    }

    /**
     * The same, from the request form continued from a draft: the author's draft is deleted in the submission's
     * transaction (another person's id deletes nothing).
     */
    public Submission submit(PurchaseRequestForm form, String requester, String submissionKey, List<Upload> files, UUID draftId) {
        List<CheckedUpload> checked = attachments.check(files);
        String digest = submissionKey == null ? null : digestOf(form);
        if (submissionKey != null) {
            Optional<Submission> earlier = earlier(requester, submissionKey, digest);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant now = clock.instant();
        String reference = numbering.execute(status -> requests.nextReference(now.atZone(deadlineProperties.zone()).getYear()));
        try {
            return new Submission(submission.execute(status -> store(form, requester, now, reference, submissionKey, digest, checked, draftId)),
                    false);
        } catch (DuplicateKeyException e) {
            // The same key committed meanwhile, from a concurrent call: that one made the request.
            return earlier(requester, submissionKey, digest).orElseThrow(() -> e);
        }
    }

    private Optional<Submission> earlier(String requester, String submissionKey, String digest) {
        return requests.findBySubmissionKey(requester, submissionKey).map(earlier -> {
            if (!earlier.digest().equals(digest)) {
                throw new SubmissionKeyReusedException(earlier.request().reference());
            }
            return new Submission(earlier.request(), true);
        });
    }

    /**
     * What was submitted, for telling a repeat from other content: every field by name and length, amounts
     * by value (85000 and 85000.00 are the same amount).
     */
    static String digestOf(PurchaseRequestForm form) {
        try {
            StringBuilder canonical = new StringBuilder();
            for (RecordComponent component : PurchaseRequestForm.class.getRecordComponents()) {
                Object value = component.getAccessor().invoke(form);
                String text = value instanceof BigDecimal amount ? amount.stripTrailingZeros().toPlainString() : String.valueOf(value);
                canonical.append(component.getName()).append(':').append(text.length()).append(':').append(text).append(';');
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (ReflectiveOperationException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PurchaseRequest store(PurchaseRequestForm form, String requester, Instant now, String reference,
                                  String submissionKey, String digest, List<CheckedUpload> files, UUID draftId) {
        UUID id = UUID.randomUUID();
        // The scope and the handling read the request's facts only, so they are known before its deadline, which a fast
        // track shortens.
        PurchaseRequest facts = request(form, id, reference, requester, now, null);
        Scope scope = proposedScope.of(facts);
        FastTrackHandling handling = proposedScope.handling(facts, scope);
        Deadline deadline = handling.deadlineWorkingDays() == null ? deadlines.forSubmissionAt(now)
                : deadlines.forSubmissionAt(now, handling.deadlineWorkingDays());
        PurchaseRequest request = request(form, id, reference, requester, now, deadline.dueAt());
        requests.insert(request, submissionKey, digest);
        if (form.previousRequestId() != null) {
            requests.linkPrevious(id, form.previousRequestId(), form.changesSinceLast().strip());
        }
        scopes.propose(id, scope);
        requests.insertHandling(id, handling);
        outbox.append(id, reference, EventType.REQUEST_SUBMITTED, now, RequestSubmitted.of(request, scope, form.previousRequestId()));
        history.record(id, HistoryKind.SUBMITTED, requester, null, null, null);
        files.forEach(file -> attachments.add(id, reference, AttachmentStep.SUBMISSION, null, requester, file));
        events.publishEvent(new RequestReceived(id));
        Map<String, Object> variables = ScreeningProcess.startVariables(requester, reference, deadline.dueAt(), deadline.remindAt());
        variables.putAll(ScreeningProcess.handlingVariables(handling.skipTriage(), handling.automaticDecision(), handling.rule()));
        String processInstanceId = EngineGate.asApplication(() -> runtimeService
                .startProcessInstanceByKey(ScreeningProcess.PROCESS_KEY, id.toString(), variables)
                .getId());
        requests.linkProcessInstance(id, processInstanceId);
        drafts.submitted(Optional.ofNullable(draftId), requester);
        return request;
    }


    private static PurchaseRequest request(PurchaseRequestForm form, UUID id, String reference, String requester, Instant now,
                                           Instant deadline) {
        return new PurchaseRequest(id, reference, form.title().strip(), form.systemName().strip(),
                form.vendor().strip(), form.need().strip(), form.department().strip(), requester,
                form.oneOffCostDkk(), form.annualCostDkk(), form.contractYears(), form.expectedUsers(),
                form.personalDataCategories(), form.hosting(),
                form.hosting() == Hosting.CLOUD_OUTSIDE_EU ? Text.orNull(form.transferBasis()) : null,
                Text.orNull(form.integrations()), form.desiredStartDate(), Text.orNull(form.existingSystemNote()),
                Transition.SUBMITTED.to(), now, deadline, null, null, form.vendorContact(), form.funding(), form.benefits());
    }

    /**
     * The "submitted" event: what the request is about, without the free-text need, and the proposed scope. The
     * categories of personal data are in {@code personalDataCategories}; {@code personalData} keeps the one value of
     * version 1.0.0 ({@link PersonalData#eventValue}). Of the expected benefits only the ratings: the text stays too.
     */
    record RequestSubmitted(UUID requestId, String reference, String title, String systemName, String vendor,
                            String department, String requester, BigDecimal oneOffCostDkk, BigDecimal annualCostDkk,
                            int contractYears, int expectedUsers, PersonalData personalData,
                            List<PersonalData> personalDataCategories, Hosting hosting,
                            String integrations, LocalDate desiredStartDate, Instant submittedAt, Instant deadline,
                            Scope proposedScope, UUID previousRequestId, Funding funding,
                            Map<BenefitCriterion, BenefitRating> expectedBenefits) {

        static RequestSubmitted of(PurchaseRequest request, Scope scope, UUID previousRequestId) {
            return new RequestSubmitted(request.id(), request.reference(), request.title(), request.systemName(),
                    request.vendor(), request.department(), request.requester(), EventAmounts.dkk(request.oneOffCostDkk()),
                    EventAmounts.dkk(request.annualCostDkk()), request.contractYears(), request.expectedUsers(),
                    PersonalData.eventValue(request.personalDataCategories()), request.personalDataCategories(),
                    request.hosting(), request.integrations(), request.desiredStartDate(), request.submittedAt(),
                    request.deadline(), scope, previousRequestId, request.funding(),
                    request.expectedBenefits() == null ? null : request.expectedBenefits().ratings());
        }
    }
}
