package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.decision.Decision;
import dk.indkoebsscreening.decision.DecisionDue;
import dk.indkoebsscreening.decision.DecisionTaken;
import dk.indkoebsscreening.decision.NextSteps;
import dk.indkoebsscreening.followup.ConditionFacts;
import dk.indkoebsscreening.followup.ConditionItem;
import dk.indkoebsscreening.notification.Recipients.Recipient;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.ScreeningGroups;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.register.RenewalDue;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.satisfaction.SatisfactionAsked;
import dk.indkoebsscreening.satisfaction.SatisfactionReminderDue;
import dk.indkoebsscreening.request.RequestReceived;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.scope.FastTrackHandling;
import dk.indkoebsscreening.screening.DeadlinePassed;
import dk.indkoebsscreening.screening.ReminderDue;
import dk.indkoebsscreening.screening.ScreeningOpened;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.security.PublicAddress;
import dk.indkoebsscreening.supervision.DataProcessor;
import dk.indkoebsscreening.supervision.ProcessorSupervision;
import dk.indkoebsscreening.supervision.SupervisionFellDue;
import dk.indkoebsscreening.task.GroupLeftUncovered;
import dk.indkoebsscreening.task.TaskHandedOver;
import dk.indkoebsscreening.triage.FastTrackAccepted;
import dk.indkoebsscreening.triage.QuestionAnswered;
import dk.indkoebsscreening.triage.QuestionAsked;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.Links;
import dk.indkoebsscreening.withdrawal.RequestWithdrawn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What each step's fact means for whom, as mails added to the outbox in the step's own transaction: a step
 * that rolls back mails nobody, one that commits has its mails. Each person gets one mail per fact, however
 * many of their groups it concerns; the wording is {@code mail.*} in {@code mails.properties}.
 */
@Component
class Notifications {

    private final Requests requests;
    private final Recipients recipients;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final People people;
    private final Formats formats;
    private final MessageSource messages;
    private final PublicAddress address;
    private final ScreeningService screening;
    private final ScreeningGroups screeningGroups;

    Notifications(Requests requests, Recipients recipients, MailComposer composer, MailOutbox outbox,
                  People people, Formats formats, MessageSource messages, PublicAddress address, ScreeningService screening, ScreeningGroups screeningGroups) {
        this.screeningGroups = screeningGroups;
        this.requests = requests;
        this.recipients = recipients;
        this.composer = composer;
        this.outbox = outbox;
        this.people = people;
        this.formats = formats;
        this.messages = messages;
        this.address = address;
        this.screening = screening;
    }

    @EventListener
    void requestReceived(RequestReceived fact) {
        PurchaseRequest request = request(fact.requestId());
        // A fast track has no triage to do: fastTrackAccepted tells the coordinators instead.
        boolean fastTrack = requests.handling(request.id()).map(FastTrackHandling::skipTriage).orElse(false);
        if (!fastTrack) {
            toGroup(Groups.COORDINATORS, MailKind.TRIAGE_NEEDED, request, to -> mail(MailKind.TRIAGE_NEEDED, request, to)
                    .paragraph(text("mail.triageNeeded.lead", people.name(request.requester())))
                    .action(text("mail.action.triage"), link(Links.taskOf(request.id(), TaskType.TRIAGE.name(), null))));
        }
        // The receipt says the screening's deadline as what it is to the requester: the day the decision is expected by.
        toRequester(MailKind.RECEIVED, request, to -> about(MailKind.RECEIVED, request, to)
                .fact(text("mail.fact.expectedDecision"), formats.dateTime(request.deadline()))
                .paragraph(text(fastTrack ? "mail.received.lead.fastTrack" : "mail.received.lead", request.title(),
                        formats.dateTime(request.deadline())))
                .paragraph(text("mail.received.next"))
                .action(text("mail.action.request"), link(Links.request(request.id())))
                .footer(footer(MailKind.RECEIVED, to)));
    }

    @EventListener
    void fastTrackAccepted(FastTrackAccepted fact) {
        PurchaseRequest request = request(fact.requestId());
        toGroup(Groups.COORDINATORS, MailKind.FAST_TRACK, request, to -> mail(MailKind.FAST_TRACK, request, to)
                .paragraph(text("mail.fastTrack.lead", people.name(request.requester()), text("handlingRule." + fact.rule())))
                .paragraph(text("mail.fastTrack.next"))
                .action(text("mail.action.request"), link(Links.request(request.id()))));
    }

    /** The coordinator's question sends the request back to triage; an expert's answer goes to the expert who asked. */
    @EventListener
    void questionAnswered(QuestionAnswered fact) {
        PurchaseRequest request = request(fact.requestId());
        if (fact.area() != null) {
            toUser(fact.askedBy(), MailKind.QUESTION_ANSWERED, request, to -> mail(MailKind.QUESTION_ANSWERED, request, to)
                    .paragraph(text("mail.questionAnswered.lead", people.name(request.requester()), areaName(fact.area()), fact.question()))
                    .quote(fact.answer())
                    .action(text("mail.action.task"), link(Links.taskOf(request.id(), TaskType.SCREENING.name(), fact.area().name()))));
            return;
        }
        toGroup(Groups.COORDINATORS, MailKind.TRIAGE_AGAIN, request, to -> mail(MailKind.TRIAGE_AGAIN, request, to)
                .paragraph(text("mail.triageAgain.lead", people.name(request.requester())))
                .quote(fact.answer())
                .action(text("mail.action.triage"), link(Links.taskOf(request.id(), TaskType.TRIAGE.name(), null))));
    }

    /** The date to answer by is in the mail; an expert's question leaves the screening going meanwhile. */
    @EventListener
    void questionAsked(QuestionAsked fact) {
        PurchaseRequest request = request(fact.requestId());
        String answerBy = formats.date(fact.answerBy());
        toRequester(MailKind.QUESTION, request, to -> mail(MailKind.QUESTION, request, to)
                .paragraph(fact.area() == null ? text("mail.question.lead", people.name(fact.askedBy()))
                        : text("mail.question.areaLead", people.name(fact.askedBy()), areaName(fact.area())))
                .quote(fact.question())
                .paragraph(fact.area() == null ? text("mail.question.waits", answerBy) : text("mail.question.areaWaits", answerBy))
                .action(text("mail.action.answer"), link(Links.request(request.id()))));
    }

    @EventListener
    void screeningOpened(ScreeningOpened fact) {
        PurchaseRequest request = request(fact.requestId());
        toAreaGroups(fact.areas(), MailKind.SCREENING_OPENED, request, (to, areas) -> mail(MailKind.SCREENING_OPENED, request, to)
                .paragraph(text("mail.screeningOpened.lead", areaNames(areas)))
                .action(text(areas.size() == 1 ? "mail.action.task" : "mail.action.tasks"), screeningLink(request, areas)));
        toRequester(MailKind.SCREENING_STARTED, request, to -> mail(MailKind.SCREENING_STARTED, request, to)
                .paragraph(text("mail.screeningStarted.lead", request.title(), formats.dateTime(request.deadline())))
                .action(text("mail.action.request"), link(Links.request(request.id()))));
    }

    @EventListener
    void reminderDue(ReminderDue fact) {
        PurchaseRequest request = request(fact.requestId());
        toAreaGroups(fact.openAreas(), MailKind.REMINDER, request, (to, areas) -> mail(MailKind.REMINDER, request, to)
                .paragraph(text("mail.reminder.lead", formats.dateTime(request.deadline()), formats.timeLeft(request.deadline()),
                        areaNames(areas)))
                .action(text(areas.size() == 1 ? "mail.action.task" : "mail.action.tasks"), screeningLink(request, areas)));
    }

    @EventListener
    void deadlinePassed(DeadlinePassed fact) {
        PurchaseRequest request = request(fact.requestId());
        toGroup(Groups.COORDINATORS, MailKind.ESCALATION, request, to -> mail(MailKind.ESCALATION, request, to)
                .paragraph(text("mail.escalation.lead", formats.dateTime(request.deadline())))
                .list(text("mail.escalation.open"), fact.openAreas().stream().map(this::areaName).toList())
                .action(text("mail.action.escalation"), link(Links.taskOf(request.id(), TaskType.ESCALATION.name(), null))));
    }

    @EventListener
    void decisionDue(DecisionDue fact) {
        PurchaseRequest request = request(fact.requestId());
        toGroup(Groups.COORDINATORS, MailKind.DECISION_NEEDED, request, to -> mail(MailKind.DECISION_NEEDED, request, to)
                .paragraph(text("mail.decisionNeeded.lead", text("verdict." + fact.recommendation())))
                .action(text("mail.action.decide"), link(Links.taskOf(request.id(), TaskType.DECISION.name(), null))));
    }

    @EventListener
    void decisionTaken(DecisionTaken fact) {
        PurchaseRequest request = request(fact.requestId());
        Decision decision = fact.decision();
        String outcome = text("verdict." + decision.outcome());
        NextSteps steps = NextSteps.of(request, decision, screening.areasOf(request.id()));
        // The screening's deadline is no fact of a decided request: the conditions' own dates are what the requester acts on.
        String decidedBy = decision.byRule() ? text("mail.decision.byRule") : people.name(decision.decidedBy());
        toRequester(MailKind.DECISION, request, to -> whatNow(steps, about(MailKind.DECISION, request, to, outcome)
                .paragraph(text("mail.decision.lead", request.title(), outcome, decidedBy))
                .paragraph(decision.reason() == null ? null : text("mail.decision.reason"))
                .quote(decision.reason()))
                .action(text("mail.action.decision"), link(Links.request(request.id())))
                .footer(footer(MailKind.DECISION, to)));
    }

    /** The coordinators are told when the rules decided in their place. */
    @EventListener
    void decidedByRule(DecisionTaken fact) {
        if (!fact.decision().byRule()) {
            return;
        }
        PurchaseRequest request = request(fact.requestId());
        toGroup(Groups.COORDINATORS, MailKind.DECIDED_BY_RULE, request, to -> about(MailKind.DECIDED_BY_RULE, request, to)
                .paragraph(text("mail.decidedByRule.lead", text("handlingRule." + fact.decision().rule())))
                .action(text("mail.action.decision"), link(Links.request(request.id())))
                .footer(footer(MailKind.DECIDED_BY_RULE, to)));
    }

    /** "Hvad sker der nu?" as the request page has it, in the decision mail. */
    private MailContent.Builder whatNow(NextSteps steps, MailContent.Builder mail) {
        if (steps.approved()) {
            mail.list(text("next.title"), List.of(text(steps.conditions().isEmpty() ? "next.approved.lead" : "next.approvedWithConditions.lead")))
                    .list(text("next.conditions.title"), steps.conditions().stream().map(this::condition).toList())
                    .list(text("next.steps.title"), List.of(text("next.step.contract"), text("next.step.kitos"), text("next.step.users")));
        } else {
            mail.list(text("next.title"), List.of(text(steps.rejecting().isEmpty() ? "next.rejected.leadNoAreas" : "next.rejected.lead")));
            steps.rejecting().forEach(area -> mail.list(text("mail.decision.rejectedBy", areaName(area.area())), rejection(area)));
            mail.list(text("mail.decision.tryAgain"), List.of(text("next.rejected.newRequest")));
        }
        return mail
                .list(text("next.overridden.title"), steps.overridden().stream().map(area -> text("next.overridden.area",
                        areaName(area.area()), text("verdict." + area.verdict()), text("verdict." + steps.outcome()))).toList())
                .list(text("next.dropped.title"), steps.dropped().stream().map(fate -> text("next.dropped.item", fate.text(),
                        areaName(fate.area()), fate.note())).toList());
    }

    private String condition(NextSteps.Condition condition) {
        String due = !condition.condition().beforeGoLive() ? formats.date(condition.due())
                : condition.due() == null ? text("next.condition.beforeGoLiveNoDate")
                : text("next.condition.beforeGoLive", formats.date(condition.due()));
        return text("mail.decision.condition", condition.condition().text(), people.name(condition.condition().owner()), due)
                + " " + text("mail.decision.conditionAsk", condition.askWhom() == null ? text("next.condition.askCoordinators")
                        : text("next.person", people.name(condition.askWhom()), condition.askWhom()));
    }

    private List<String> rejection(NextSteps.AreaVerdict area) {
        List<String> items = new ArrayList<>();
        if (area.findings() != null) {
            items.add(area.findings());
        }
        area.conditions().forEach(condition -> items.add(text("mail.decision.wouldChange", condition)));
        if (area.screenedBy() != null) {
            items.add(text("mail.decision.ask", people.name(area.screenedBy()), area.screenedBy()));
        }
        return items;
    }

    /** Not to someone who took the task themselves: they know. */
    @EventListener
    void taskHandedOver(TaskHandedOver fact) {
        PurchaseRequest request = request(fact.requestId());
        String task = text("taskType." + fact.type().name()) + (fact.area() == null ? "" : ": " + areaName(fact.area()));
        toUser(fact.handedTo(), MailKind.TASK_ASSIGNED, request, to -> mail(MailKind.TASK_ASSIGNED, request, to)
                .paragraph(text("mail.taskAssigned.lead", people.name(fact.handedBy()), task))
                .action(text("mail.action.task"), link(Links.taskOf(request.id(), fact.type().name(),
                        fact.area() == null ? null : fact.area().name()))));
    }

    /**
     * To the coordinators, one mail each, about the request whose task is due first (its history tells the mail was
     * sent); with no request's task waiting (only systems'), the inbox and the page say it alone.
     */
    @EventListener
    void groupLeftUncovered(GroupLeftUncovered fact) {
        if (fact.firstRequest() == null) {
            return;
        }
        PurchaseRequest request = request(fact.firstRequest());
        String group = fact.area() == null ? text("cover.group.coordinators") : areaName(fact.area());
        UUID factId = UUID.randomUUID();
        recipients.ofGroup(Groups.COORDINATORS, MailKind.GROUP_UNCOVERED).forEach(to -> add(factId, MailKind.GROUP_UNCOVERED,
                request.id(), to, () -> MailContent
                        .about(text("mail.groupUncovered.subject", group, formats.date(fact.from()), formats.date(fact.to())))
                        .greeting(greeting(to))
                        .paragraph(text("mail.groupUncovered.lead", group, formats.date(fact.from()), formats.date(fact.to()),
                                fact.openTasks(), formats.dateTime(fact.firstDue())))
                        .fact(text("mail.fact.request"), request.reference() + " " + request.title())
                        .fact(text("mail.groupUncovered.firstDue"), formats.dateTime(fact.firstDue()))
                        .paragraph(text("mail.groupUncovered.next"))
                        .action(text("mail.action.cover"), link(Links.COVER))
                        .footer(to.isMailbox() ? text("mail.footer.mailbox") : text("mail.footer.groupUncovered"))));
    }

    @EventListener
    void requestWithdrawn(RequestWithdrawn fact) {
        PurchaseRequest request = request(fact.requestId());
        String requester = people.name(request.requester());
        toAreaGroups(fact.openAreas(), MailKind.WITHDRAWN, request, (to, areas) -> withdrawn(request, to, requester, fact));
        if (fact.coordinatorsHadTask()) {
            toGroup(Groups.COORDINATORS, MailKind.WITHDRAWN, request, to -> withdrawn(request, to, requester, fact));
        }
    }

    private MailContent.Builder withdrawn(PurchaseRequest request, Recipient to, String requester, RequestWithdrawn fact) {
        return mail(MailKind.WITHDRAWN, request, to)
                .paragraph(text("mail.withdrawn.lead", requester))
                .paragraph(fact.reason() == null ? null : text("mail.withdrawn.reason"))
                .quote(fact.reason())
                .paragraph(text("mail.withdrawn.nothingToDo"))
                .action(text("mail.action.withdrawn"), link(Links.request(request.id())));
    }

    /** To the system's owner and the coordinators, one mail each, with the choice the coordinators' task asks for. */
    @EventListener
    void renewalDue(RenewalDue fact) {
        UUID factId = UUID.randomUUID();
        Map<String, Recipient> to = new LinkedHashMap<>();
        if (fact.owner() != null) {
            recipients.ofUser(fact.owner(), MailKind.RENEWAL).ifPresent(owner -> to.put(owner.address(), owner));
        }
        recipients.ofGroup(Groups.COORDINATORS, MailKind.RENEWAL).forEach(coordinator -> to.putIfAbsent(coordinator.address(), coordinator));
        to.values().forEach(recipient -> add(factId, MailKind.RENEWAL, fact.systemId(), recipient, () -> MailContent
                .about(text("mail.renewal.subject", fact.name(), formats.date(fact.noticeDeadline())))
                .greeting(greeting(recipient))
                .fact(text("mail.fact.system"), fact.vendor() == null ? fact.name() : text("mail.fact.systemValue", fact.name(), fact.vendor()))
                .fact(text("mail.fact.contractEnd"), formats.date(fact.contractEnd()))
                .fact(text("mail.fact.noticeDeadline"), formats.date(fact.noticeDeadline()))
                .fact(text("mail.fact.owner"), fact.owner() == null ? "–" : people.name(fact.owner()))
                .paragraph(text("mail.renewal.lead", formats.date(fact.noticeDeadline())))
                .paragraph(text(fact.owner() != null && fact.owner().equals(recipient.userId()) ? "mail.renewal.owner" : "mail.renewal.coordinators"))
                .action(text("mail.action.system"), link(Links.system(fact.systemId())))
                .footer(footer(MailKind.RENEWAL, recipient))));
    }

    /** A data processor's supervision fell due: to the security group, one mail each, about the system. */
    @EventListener
    void supervisionFellDue(SupervisionFellDue fact) {
        UUID factId = UUID.randomUUID();
        DataProcessor processor = fact.processor();
        recipients.ofGroup(ProcessorSupervision.SECURITY_GROUP, MailKind.SUPERVISION_DUE).forEach(to -> add(factId,
                MailKind.SUPERVISION_DUE, fact.systemId(), to, () -> MailContent
                .about(text("mail.supervisionDue.subject", processor.name(), fact.systemName()))
                .greeting(greeting(to))
                .paragraph(text("mail.supervisionDue.lead", processor.name(), fact.systemName(), formats.date(processor.nextDue())))
                .fact(text("mail.fact.system"), fact.vendor() == null ? fact.systemName()
                        : text("mail.fact.systemValue", fact.systemName(), fact.vendor()))
                .fact(text("mail.supervisionDue.processor"), processor.name())
                .fact(text("mail.supervisionDue.processing"), processor.processing())
                .fact(text("mail.supervisionDue.method"), text("supervision.method." + processor.method()))
                .fact(text("mail.supervisionDue.interval"), text("supervision.months", processor.intervalMonths()))
                .paragraph(text("mail.supervisionDue.next"))
                .action(text("mail.action.supervise"), link("/opgaver"))
                .footer(footer(MailKind.SUPERVISION_DUE, to))));
    }

    @EventListener
    void conditionReminderDue(ConditionFacts.ReminderDue fact) {
        PurchaseRequest request = request(fact.requestId());
        ConditionItem condition = fact.condition();
        toUser(condition.owner(), MailKind.CONDITION_REMINDER, request, to -> conditionMail(MailKind.CONDITION_REMINDER, request, condition, to)
                .paragraph(text("mail.conditionReminder.lead", formats.dateTime(fact.dueAt())))
                .quote(condition.text())
                .action(text("mail.action.condition"), link(condition.page())));
    }

    @EventListener
    void conditionOverdue(ConditionFacts.Overdue fact) {
        PurchaseRequest request = request(fact.requestId());
        ConditionItem condition = fact.condition();
        toGroup(Groups.COORDINATORS, MailKind.CONDITION_OVERDUE, request, to -> conditionMail(MailKind.CONDITION_OVERDUE, request, condition, to)
                .paragraph(text("mail.conditionOverdue.lead", formats.dateTime(fact.dueAt()), people.name(condition.owner())))
                .quote(condition.text())
                .action(text("mail.action.condition"), link(condition.page())));
    }

    /** To the area's experts who set it, or the coordinators for their own. */
    @EventListener
    void conditionReported(ConditionFacts.Reported fact) {
        PurchaseRequest request = request(fact.requestId());
        ConditionItem condition = fact.condition();
        String verifiers = condition.setBy() == null ? Groups.COORDINATORS : screeningGroups.groupOf(condition.setBy());
        toGroup(verifiers, MailKind.CONDITION_REPORTED, request, to -> conditionMail(MailKind.CONDITION_REPORTED, request, condition, to)
                .paragraph(text("mail.conditionReported.lead", people.name(condition.owner())))
                .quote(condition.evidence().isEmpty() ? null : condition.evidence().get(condition.evidence().size() - 1).text())
                .action(text("mail.action.verify"), link(condition.page())));
    }

    @EventListener
    void conditionSentBack(ConditionFacts.SentBack fact) {
        PurchaseRequest request = request(fact.requestId());
        ConditionItem condition = fact.condition();
        toUser(condition.owner(), MailKind.CONDITION_SENT_BACK, request, to -> conditionMail(MailKind.CONDITION_SENT_BACK, request, condition, to)
                .paragraph(text("mail.conditionSentBack.lead", people.name(fact.sentBackBy())))
                .quote(fact.reason())
                .action(text("mail.action.condition"), link(condition.page())));
    }

    @EventListener
    void conditionHandedOver(ConditionFacts.HandedOver fact) {
        PurchaseRequest request = request(fact.requestId());
        ConditionItem condition = fact.condition();
        toUser(condition.owner(), MailKind.CONDITION_HANDED_OVER, request, to -> conditionMail(MailKind.CONDITION_HANDED_OVER, request, condition, to)
                .paragraph(text("mail.conditionHandedOver.lead", people.name(fact.handedBy())))
                .quote(condition.text())
                .action(text("mail.action.condition"), link(condition.page())));
    }

    @EventListener
    void conditionsSettled(ConditionFacts.Settled fact) {
        PurchaseRequest request = request(fact.requestId());
        toRequester(MailKind.CONDITIONS_SETTLED, request, to -> about(MailKind.CONDITIONS_SETTLED, request, to)
                .paragraph(text("mail.conditionsSettled.lead", request.title()))
                .action(text("mail.action.request"), link(Links.request(request.id())))
                .footer(footer(MailKind.CONDITIONS_SETTLED, to)));
    }

    /** Two questions to the requester, answered on the request's page; the same words again in the one reminder. */
    @EventListener
    void satisfactionAsked(SatisfactionAsked fact) {
        satisfactionMail(MailKind.SATISFACTION, request(fact.requestId()));
    }

    @EventListener
    void satisfactionReminderDue(SatisfactionReminderDue fact) {
        satisfactionMail(MailKind.SATISFACTION_REMINDER, request(fact.requestId()));
    }

    private void satisfactionMail(MailKind kind, PurchaseRequest request) {
        toRequester(kind, request, to -> about(kind, request, to)
                .paragraph(text("mail.satisfaction.lead", request.title()))
                .paragraph(text("mail.satisfaction.questions"))
                .action(text("mail.action.satisfaction"), link(Links.request(request.id()) + "#tilfredshed"))
                .footer(footer(kind, to)));
    }

    /** A mail about one condition: the request's facts and the condition's own, not the screening's deadline. */
    private MailContent.Builder conditionMail(MailKind kind, PurchaseRequest request, ConditionItem condition, Recipient to) {
        return about(kind, request, to, condition.number())
                .fact(text("mail.fact.condition"), condition.number() + ". " + condition.text())
                .fact(text("mail.fact.conditionSetBy"), condition.setBy() == null ? text("followup.setBy.coordinator") : areaName(condition.setBy()))
                .fact(text("mail.fact.conditionOwner"), people.name(condition.owner()))
                .fact(text("mail.fact.conditionDue"), formats.date(condition.due()))
                .footer(footer(kind, to));
    }

    /** The parts every mail about a request has: subject, greeting, the request's facts and the footer. */
    private MailContent.Builder mail(MailKind kind, PurchaseRequest request, Recipient to, Object... subjectExtras) {
        return about(kind, request, to, subjectExtras)
                .fact(text("mail.fact.deadline"), formats.dateTime(request.deadline()) + " – " + formats.timeLeft(request.deadline()))
                .footer(footer(kind, to));
    }

    /** Subject, greeting and the request's facts. */
    private MailContent.Builder about(MailKind kind, PurchaseRequest request, Recipient to, Object... subjectExtras) {
        Object[] subjectArguments = new Object[2 + subjectExtras.length];
        subjectArguments[0] = request.reference();
        subjectArguments[1] = request.title();
        System.arraycopy(subjectExtras, 0, subjectArguments, 2, subjectExtras.length);
        return MailContent.about(text("mail." + kind.key() + ".subject", subjectArguments))
                .greeting(greeting(to))
                .fact(text("mail.fact.request"), request.reference() + " " + request.title())
                .fact(text("mail.fact.system"), text("mail.fact.systemValue", request.systemName(), request.vendor()))
                .fact(text("mail.fact.requester"), people.name(request.requester()) + " (" + request.department() + ")");
    }

    private String greeting(Recipient to) {
        return to.isMailbox() ? text("mail.greeting.mailbox") : text("mail.greeting.person", to.name());
    }

    /** Why the person gets the mail and whether they can turn it off. */
    private String footer(MailKind kind, Recipient to) {
        if (to.isMailbox()) {
            return text("mail.footer.mailbox");
        }
        if (kind == MailKind.REMINDER) {
            return text("mail.footer.reminder");
        }
        if (kind == MailKind.CONDITION_REMINDER) {
            return text("mail.footer.conditionReminder");
        }
        if (kind == MailKind.QUESTION) {
            return text("mail.footer.question");
        }
        return text(kind.toRequester() ? "mail.footer.requester" : "mail.footer.optional", link(Links.SETTINGS));
    }

    private interface Compose {
        MailContent.Builder content(Recipient to);
    }

    private interface ComposeForAreas {
        MailContent.Builder content(Recipient to, List<Area> areas);
    }

    private void toGroup(String group, MailKind kind, PurchaseRequest request, Compose compose) {
        UUID factId = UUID.randomUUID();
        for (Recipient to : recipients.ofGroup(group, kind)) {
            add(factId, kind, request, to, () -> compose.content(to));
        }
    }

    private void toRequester(MailKind kind, PurchaseRequest request, Compose compose) {
        toUser(request.requester(), kind, request, compose);
    }

    private void toUser(String userId, MailKind kind, PurchaseRequest request, Compose compose) {
        UUID factId = UUID.randomUUID();
        recipients.ofUser(userId, kind).ifPresent(to -> add(factId, kind, request, to, () -> compose.content(to)));
    }

    /** One mail per address, naming every area of the fact that the address is reached through. */
    private void toAreaGroups(List<Area> areas, MailKind kind, PurchaseRequest request, ComposeForAreas compose) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        Map<String, List<Area>> areasByAddress = new LinkedHashMap<>();
        for (Area area : areas) {
            for (Recipient to : recipients.ofGroup(screeningGroups.groupOf(area), kind)) {
                byAddress.putIfAbsent(to.address(), to);
                areasByAddress.computeIfAbsent(to.address(), key -> new ArrayList<>()).add(area);
            }
        }
        UUID factId = UUID.randomUUID();
        byAddress.forEach((address, to) -> add(factId, kind, request, to, () -> compose.content(to, areasByAddress.get(address))));
    }

    private void add(UUID factId, MailKind kind, PurchaseRequest request, Recipient to, Supplier<MailContent.Builder> content) {
        add(factId, kind, request.id(), to, content);
    }

    /**
     * Composes in Danish (the mail's language, whatever thread the step runs on) and adds the mail to the outbox.
     *
     * @param about the request, or the registered system, the mail is about
     */
    private void add(UUID factId, MailKind kind, UUID about, Recipient to, Supplier<MailContent.Builder> content) {
        var previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(MailComposer.DANISH);
        try {
            outbox.add(composer.compose(factId, about, kind, to, content.get().build()));
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    private String screeningLink(PurchaseRequest request, List<Area> areas) {
        return link(areas.size() == 1 ? Links.taskOf(request.id(), TaskType.SCREENING.name(), areas.get(0).name())
                : Links.inboxFor(request.reference()));
    }

    private String areaNames(List<Area> areas) {
        return areas.stream().map(this::areaName).collect(Collectors.joining(", "));
    }

    private String areaName(Area area) {
        return text("area." + area.name());
    }

    private PurchaseRequest request(UUID requestId) {
        return requests.findById(requestId).orElseThrow(() -> new IllegalStateException("No request " + requestId));
    }

    private String link(String path) {
        return address.of(path);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, MailComposer.DANISH);
    }
}
