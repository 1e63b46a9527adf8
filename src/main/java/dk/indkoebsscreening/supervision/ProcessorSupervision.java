package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.EngineGate;
import dk.indkoebsscreening.process.SupervisionProcess;
import dk.indkoebsscreening.register.RegisteredSystem;
import dk.indkoebsscreening.register.SystemRegister;
import dk.indkoebsscreening.register.SystemRetirementChanged;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data processors of registered systems and their supervision. Everyone logged in reads them; coordinators and
 * the security group add, correct and remove processors; the security group records supervisions through the model's
 * task ({@link SupervisionStep}). Each processor still processing for a system in use has a running
 * {@code ProcessorSupervisionProcess}, which this service starts, re-times and ends in the change's transaction.
 */
@Service
public class ProcessorSupervision {

    /** The group that supervises the processors, the security and GDPR area's experts. */
    public static final String SECURITY_GROUP = Area.SECURITY.candidateGroup();
    /** When on its day a supervision falls due: the start of the working day. */
    static final LocalTime DUE_TIME = LocalTime.of(8, 0);

    private final ProcessorRepository processors;
    private final SystemRegister register;
    private final OutboxWriter outbox;
    private final RuntimeService runtime;
    private final DeadlineProperties calendar;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ProcessorSupervision(ProcessorRepository processors, SystemRegister register, OutboxWriter outbox, RuntimeService runtime,
                         DeadlineProperties calendar, Clock clock, ApplicationEventPublisher events) {
        this.processors = processors;
        this.register = register;
        this.outbox = outbox;
        this.runtime = runtime;
        this.calendar = calendar;
        this.clock = clock;
        this.events = events;
    }

    /** A system's processors, those still processing first. */
    public List<DataProcessor> processorsOf(UUID systemId) {
        register.find(systemId);
        return processors.ofSystem(systemId);
    }

    /**
     * A system's supervisions, newest first. The results and what they were based on are the expert group's: a critical finding about a processor is security
     * information, whereas which processors a system has is as open as the register.
     */
    public List<Supervision> supervisionsOf(UUID systemId, CurrentUser user) {
        if (!mayReadSupervisions(user)) {
            throw new AccessDeniedException(user.username() + " may not read the supervisions");
        }
        return processors.supervisionsOfSystem(systemId);
    }

    /** The municipality's own readers of every request: the shared organisation's experts read no register. */
    public static boolean mayReadSupervisions(CurrentUser user) {
        return user.readsEveryRequest();
    }

    /**
     * The supervisions overdue or due within the days given, of processors still processing for systems in use, soonest
     * first and at most {@code limit}: the coordinators' dashboard.
     */
    public List<DueSupervision> dueWithin(int days, int limit) {
        return processors.dueBy(today().plusDays(days), limit);
    }

    public DataProcessor find(UUID systemId, UUID processorId) {
        return processors.find(processorId).filter(processor -> processor.systemId().equals(systemId))
                .orElseThrow(() -> new NotFoundException("No data processor " + processorId + " of system " + systemId));
    }

    public static boolean mayChange(CurrentUser user) {
        return user.isCoordinator() || user.groups().contains(SECURITY_GROUP);
    }

    @Transactional
    public DataProcessor add(UUID systemId, ProcessorForm form, CurrentUser user) {
        requireMayChange(user);
        RegisteredSystem system = register.find(systemId);
        if (system.retired()) {
            throw new ConflictException("System " + systemId + " is retired", "supervision.systemRetired");
        }
        if (PersonalData.NONE.name().equals(system.personalData())) {
            throw InvalidInputException.of("name", "supervision.noPersonalData");
        }
        requireSubProcessorOf(systemId, null, form.subProcessorOf());
        Instant now = clock.instant();
        DataProcessor processor = new DataProcessor(UUID.randomUUID(), systemId, form.name().strip(), Text.orNull(form.cvr()),
                form.processing().strip(), form.subProcessorOf(), form.method(), form.intervalMonths(), form.nextDue(), null,
                null, now, now, user.username());
        processors.insert(processor);
        start(processor);
        return processor;
    }

    /** Corrects a processor; a new date or interval re-times its waiting supervision. */
    @Transactional
    public DataProcessor update(UUID systemId, UUID processorId, ProcessorForm form, CurrentUser user) {
        requireMayChange(user);
        DataProcessor current = locked(systemId, processorId);
        if (current.removed()) {
            throw new ConflictException("Data processor " + processorId + " is removed", "supervision.removed");
        }
        requireSubProcessorOf(systemId, processorId, form.subProcessorOf());
        DataProcessor changed = new DataProcessor(current.id(), systemId, form.name().strip(), Text.orNull(form.cvr()),
                form.processing().strip(), form.subProcessorOf(), form.method(), form.intervalMonths(), form.nextDue(), null,
                null, current.createdAt(), clock.instant(), user.username());
        store(current, changed);
        return changed;
    }

    /** Stores a processor's change; a new date re-times its waiting supervision. */
    private void store(DataProcessor current, DataProcessor changed) {
        processors.update(changed);
        if (!changed.nextDue().equals(current.nextDue())) {
            // While its task is open the instance waits for no new date: the supervision recorded sets the next one.
            EngineGate.asApplication(() -> runtime.createMessageCorrelation(SupervisionProcess.RESCHEDULED_MESSAGE)
                    .processInstanceBusinessKey(changed.systemId().toString())
                    .processInstanceVariableEquals(SupervisionProcess.PROCESSOR_ID, changed.id().toString())
                    .setVariables(SupervisionProcess.nextSupervision(dueAt(changed.nextDue())))
                    .correlateAllWithResult());
        }
    }

    /**
     * What an import of KITOS's oversight did: the processors whose interval or next date it changed, and the processors
     * it names that are not registered for the system (as "processor (system)"), which a person adds with their method.
     */
    public record OversightImport(int updated, List<String> notFound) {
    }

    /**
     * Fills the interval and the next date of the processors registered for the systems of KITOS's overview of data
     * processing registrations, where the file has them: the next planned oversight, else the latest plus the interval.
     * The systems are found by KITOS UUID, else by name; a processor by its name. All or nothing: a file with a bad row
     * changes nothing.
     */
    @Transactional
    public OversightImport importKitosOversight(String fileName, byte[] content, CurrentUser user) {
        requireMayChange(user);
        int updated = 0;
        Set<String> notFound = new LinkedHashSet<>();
        Instant now = clock.instant();
        for (KitosOversight.Row row : KitosOversight.read(fileName, content)) {
            for (RegisteredSystem system : systemsOf(row)) {
                List<DataProcessor> ofSystem = processors.ofSystem(system.id()); // once per system: the lock re-reads each
                for (String name : row.processors()) {
                    Optional<DataProcessor> found = ofSystem.stream()
                            .filter(processor -> !processor.removed() && processor.name().equalsIgnoreCase(name)).findFirst();
                    if (found.isEmpty()) {
                        notFound.add(name + " (" + system.name() + ")");
                        continue;
                    }
                    DataProcessor current = locked(system.id(), found.get().id());
                    int interval = row.intervalMonths() != null ? row.intervalMonths() : current.intervalMonths();
                    LocalDate next = row.next() != null ? row.next()
                            : row.latest() != null ? row.latest().plusMonths(interval) : current.nextDue();
                    if (interval != current.intervalMonths() || !next.equals(current.nextDue())) {
                        store(current, current.rescheduled(interval, next, now, user.username()));
                        updated++;
                    }
                }
            }
        }
        return new OversightImport(updated, List.copyOf(notFound));
    }

    /** The row's systems in use: by KITOS UUID where the file has them, else by name. */
    private List<RegisteredSystem> systemsOf(KitosOversight.Row row) {
        List<RegisteredSystem> systems = row.systemUuids().isEmpty()
                ? row.systemNames().stream().map(register::findByName).flatMap(Optional::stream).toList()
                : row.systemUuids().stream().map(register::findByKitosUuid).flatMap(Optional::stream).toList();
        return systems.stream().filter(system -> !system.retired()).toList();
    }

    /** The processor no longer processes for the system: its supervision ends, an open task with it; its supervisions stay. */
    @Transactional
    public DataProcessor remove(UUID systemId, UUID processorId, CurrentUser user) {
        requireMayChange(user);
        DataProcessor current = locked(systemId, processorId);
        if (current.removed()) {
            return current;
        }
        Instant now = clock.instant();
        DataProcessor removed = new DataProcessor(current.id(), systemId, current.name(), current.cvr(), current.processing(),
                current.subProcessorOf(), current.method(), current.intervalMonths(), current.nextDue(), now,
                user.username(), current.createdAt(), now, user.username());
        processors.update(removed);
        end(removed);
        return removed;
    }

    /**
     * The supervision of a processor fell due ({@code Task_OpenSupervision}): {@code supervision.due.v1}, and the fact
     * that mails the security group. The task itself is the model's.
     */
    @Transactional
    public void due(UUID systemId, UUID processorId) {
        DataProcessor processor = locked(systemId, processorId);
        RegisteredSystem system = register.find(systemId);
        Instant now = clock.instant();
        outbox.appendForSystem(systemId, EventType.SUPERVISION_DUE, now, SupervisionDue.of(system, processor, now));
        events.publishEvent(new SupervisionFellDue(systemId, system.name(), system.vendor(), processor));
    }

    /**
     * Records the security group's supervision: its result and evidence, the next date the interval gives from today,
     * and {@code supervision.recorded.v1}. Returns the variables that set the model's next timer.
     */
    @Transactional
    public Map<String, Object> record(UUID systemId, UUID processorId, SupervisionForm form, String username) {
        DataProcessor processor = locked(systemId, processorId);
        RegisteredSystem system = register.find(systemId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        LocalDate next = today.plusMonths(processor.intervalMonths());
        Supervision supervision = new Supervision(UUID.randomUUID(), processorId, processor.method(), form.result(),
                form.evidence().strip(), processor.nextDue(), today, next, username, now);
        processors.insert(supervision);
        processors.update(processor.rescheduled(processor.intervalMonths(), next, now, username));
        outbox.appendForSystem(systemId, EventType.SUPERVISION_RECORDED, now, SupervisionRecorded.of(system, processor, supervision));
        return SupervisionProcess.nextSupervision(dueAt(next));
    }

    /** A retired system's processors are no longer supervised; in use again, they are once more. */
    @EventListener
    void retirementChanged(SystemRetirementChanged change) {
        processors.ofSystem(change.systemId()).stream().filter(processor -> !processor.removed()).forEach(processor -> {
            if (change.retired()) {
                end(processor);
            } else {
                start(processor);
            }
        });
    }

    /** Today in the municipality's time zone: a supervision due before it is overdue. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    /** The moment a supervision due on this day falls due. */
    Instant dueAt(LocalDate day) {
        return day.atTime(DUE_TIME).atZone(calendar.zone()).toInstant();
    }

    private void start(DataProcessor processor) {
        EngineGate.asApplication(() -> runtime.startProcessInstanceByKey(SupervisionProcess.PROCESS_KEY,
                processor.systemId().toString(), SupervisionProcess.startVariables(processor.id(), dueAt(processor.nextDue()))));
    }

    private void end(DataProcessor processor) {
        EngineGate.asApplication(() -> runtime.createMessageCorrelation(SupervisionProcess.ENDED_MESSAGE)
                .processInstanceBusinessKey(processor.systemId().toString())
                .processInstanceVariableEquals(SupervisionProcess.PROCESSOR_ID, processor.id().toString())
                .correlateAllWithResult());
    }

    /** A sub-processor is one of the same system's processors, still processing, and not itself. */
    private void requireSubProcessorOf(UUID systemId, UUID self, UUID subProcessorOf) {
        if (subProcessorOf == null) {
            return;
        }
        boolean known = processors.find(subProcessorOf)
                .filter(other -> other.systemId().equals(systemId) && !other.removed() && !other.id().equals(self))
                .isPresent();
        if (!known) {
            throw InvalidInputException.of("subProcessorOf", "supervision.subProcessorOf.unknown");
        }
    }

    private DataProcessor locked(UUID systemId, UUID processorId) {
        return processors.lock(processorId).filter(processor -> processor.systemId().equals(systemId))
                .orElseThrow(() -> new NotFoundException("No data processor " + processorId + " of system " + systemId));
    }

    private static void requireMayChange(CurrentUser user) {
        if (!mayChange(user)) {
            throw new AccessDeniedException(user.username() + " may not change the data processors");
        }
    }

    /** {@code supervision.due.v1}. */
    record SupervisionDue(UUID systemId, String systemName, UUID kitosUuid, UUID processorId, String processorName, String cvr,
                          SupervisionMethod method, int intervalMonths, LocalDate due, Instant openedAt) {

        static SupervisionDue of(RegisteredSystem system, DataProcessor processor, Instant openedAt) {
            return new SupervisionDue(system.id(), system.name(), system.kitosUuid(), processor.id(), processor.name(), processor.cvr(),
                    processor.method(), processor.intervalMonths(), processor.nextDue(), openedAt);
        }
    }

    /** {@code supervision.recorded.v1}: the result without the evidence's text, which stays in the application. */
    record SupervisionRecorded(UUID systemId, String systemName, UUID kitosUuid, UUID processorId, String processorName,
                               String cvr, UUID supervisionId, SupervisionMethod method, int intervalMonths,
                               SupervisionResult result, LocalDate due, LocalDate supervisedOn, LocalDate nextDue,
                               String recordedBy, Instant recordedAt) {

        static SupervisionRecorded of(RegisteredSystem system, DataProcessor processor, Supervision supervision) {
            return new SupervisionRecorded(system.id(), system.name(), system.kitosUuid(), processor.id(), processor.name(),
                    processor.cvr(), supervision.id(), supervision.method(), processor.intervalMonths(), supervision.result(),
                    supervision.due(), supervision.supervisedOn(), supervision.nextDue(), supervision.recordedBy(),
                    supervision.recordedAt());
        }
    }
}
