package dk.indkoebsscreening.register;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.process.EngineGate;
import dk.indkoebsscreening.process.RenewalChoice;
import dk.indkoebsscreening.process.RenewalProcess;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.Sql;
import dk.indkoebsscreening.system.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A system's renewal ({@code bpmn/SystemRenewalProcess.bpmn}): started when the system gets a contract end date,
 * superseded by a new one when the end date or notice period changes, ended when the system is retired; at the notice
 * deadline less the lead time its owner and the coordinators are told ({@link RenewalDue}, {@code renewal.due.v1}) and
 * the coordinators choose what happens.
 */
@Service
public class Renewals {

    private final RegisterRepository systems;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final OutboxWriter outbox;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final RenewalProperties properties;
    private final DeadlineProperties deadline;
    private final Clock clock;

    Renewals(RegisterRepository systems, RuntimeService runtime, TaskService taskService, OutboxWriter outbox, ApplicationEventPublisher events,
             JdbcClient jdbc, RenewalProperties properties, DeadlineProperties deadline, Clock clock) {
        this.systems = systems;
        this.runtime = runtime;
        this.taskService = taskService;
        this.outbox = outbox;
        this.events = events;
        this.jdbc = jdbc;
        this.properties = properties;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** When the owner and the coordinators are told: the lead time before the notice deadline. */
    public LocalDate dueOn(RegisteredSystem system) {
        return system.noticeDeadline() == null ? null : system.noticeDeadline().minus(properties.leadTime());
    }

    public Period leadTime() {
        return properties.leadTime();
    }

    /**
     * After a system was added or changed (in that step's transaction, under its row lock): a renewal whose dates no longer
     * hold is superseded, and a system in use with a contract end date gets one on the new dates.
     *
     * @param before the system before the change; null when it is new
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void changed(RegisteredSystem before, RegisteredSystem after) {
        if (before != null && !Objects.equals(before.owner(), after.owner())) {
            offerOpenTaskTo(after.id(), before.owner(), after.owner());
        }
        boolean sameDates = before != null && Objects.equals(before.contractEnd(), after.contractEnd())
                && Objects.equals(before.noticeMonths(), after.noticeMonths());
        if (sameDates && before.retired() == after.retired()) {
            return;
        }
        if (before != null && before.contractEnd() != null && !before.retired()) {
            EngineGate.asApplication(() -> runtime.createMessageCorrelation(RenewalProcess.SUPERSEDED_MESSAGE)
                    .processInstanceBusinessKey(after.id().toString())
                    .correlateAllWithResult());
        }
        // A contract that has already ended has no renewal to announce, as the dashboard does not list it.
        boolean contractRuns = after.contractEnd() != null && !after.contractEnd().isBefore(LocalDate.now(clock.withZone(deadline.zone())));
        if (contractRuns && !after.retired()) {
            LocalDate due = dueOn(after);
            EngineGate.asApplication(() -> runtime.startProcessInstanceByKey(RenewalProcess.PROCESS_KEY, after.id().toString(),
                    RenewalProcess.startVariables(at(due), at(after.noticeDeadline()))));
        }
    }

    /**
     * An open Task_ConsiderRenewal follows the system's owner: the one no longer the owner may not decide it any more,
     * the new owner may.
     */
    private void offerOpenTaskTo(UUID systemId, String formerOwner, String owner) {
        EngineGate.asApplication(() -> {
            taskService.createTaskQuery().processDefinitionKey(RenewalProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(systemId.toString()).taskDefinitionKey(RenewalProcess.CONSIDER_TASK).list()
                    .forEach(task -> {
                        if (formerOwner != null) {
                            taskService.deleteCandidateUser(task.getId(), formerOwner);
                        }
                        if (owner != null) {
                            taskService.addCandidateUser(task.getId(), owner);
                        }
                    });
            return null;
        });
    }

    /** A day's moment of the municipality's deadlines (16:00 Copenhagen by default). */
    private Instant at(LocalDate day) {
        return day.atTime(deadline.timeOfDay()).atZone(deadline.zone()).toInstant();
    }

    /** Task_AnnounceRenewal: the event and the mails, in the timer's transaction under the system's row lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void announce(UUID systemId) {
        RegisteredSystem system = systems.lock(systemId).orElseThrow(() -> new NotFoundException("No registered system " + systemId));
        Instant now = clock.instant();
        outbox.appendForSystem(systemId, EventType.RENEWAL_DUE, now, RenewalDueEvent.of(system, dueOn(system), now));
        events.publishEvent(new RenewalDue(systemId, system.name(), system.vendor(), system.owner(), system.contractEnd(),
                system.noticeDeadline()));
    }

    /** The system's owner now, to whom Task_ConsiderRenewal is offered besides the coordinators. */
    public Optional<String> ownerOf(UUID systemId) {
        return systems.find(systemId).map(RegisteredSystem::owner);
    }

    /** What Task_ConsiderRenewal's form cannot say alone: renewing as it is needs a note saying on what grounds. */
    List<FieldProblem> problems(RenewalForm form) {
        return form.choice() == RenewalChoice.RENEW && Text.orNull(form.note()) == null
                ? List.of(new FieldProblem("note", "renewal.note.required")) : List.of();
    }

    /** Task_ConsiderRenewal completed: the choice is kept with the contract it was made for. */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(UUID systemId, RenewalForm form, String username) {
        RegisteredSystem system = systems.find(systemId).orElseThrow(() -> new NotFoundException("No registered system " + systemId));
        jdbc.sql("""
                        insert into system_renewal (id, system_id, contract_end, notice_deadline, choice, note, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), systemId, system.contractEnd(), system.noticeDeadline(), form.choice().name(),
                        Text.orNull(form.note()), username, Sql.timestamp(clock.instant()))
                .update();
    }

    /** A renewal the coordinators decided, newest first on the system's page. */
    public record Decided(LocalDate contractEnd, LocalDate noticeDeadline, RenewalChoice choice, String note,
                          String decidedBy, Instant decidedAt) {
    }

    public List<Decided> decided(UUID systemId) {
        return jdbc.sql("""
                        select contract_end, notice_deadline, choice, note, decided_by, decided_at from system_renewal
                         where system_id = ? order by decided_at desc
                        """)
                .param(systemId)
                .query((rs, row) -> new Decided(rs.getObject("contract_end", LocalDate.class),
                        rs.getObject("notice_deadline", LocalDate.class), RenewalChoice.valueOf(rs.getString("choice")),
                        rs.getString("note"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    /** A system whose renewal is due: its notice deadline is within the lead time (or passed), it is in use. */
    public record Due(UUID systemId, String name, String vendor, String owner, LocalDate contractEnd, Integer noticeMonths,
                      LocalDate noticeDeadline) {
    }

    /**
     * Renewals due today, the soonest notice deadline first, at most {@code limit}: systems in use whose notice deadline
     * is within the lead time (or passed while the contract still runs) and whose renewal is not yet decided for this
     * contract end.
     */
    public List<Due> due(int limit) {
        return systems.renewalsDue(LocalDate.now(clock.withZone(deadline.zone())), properties.leadTime(), limit).stream()
                .map(system -> new Due(system.id(), system.name(), system.vendor(), system.owner(), system.contractEnd(),
                        system.noticeMonths(), system.noticeDeadline()))
                .toList();
    }
}
