package dk.indkoebsscreening.register;

import dk.indkoebsscreening.decision.DecisionTaken;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.Paged;
import dk.indkoebsscreening.system.PlainText;
import dk.indkoebsscreening.system.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system register: everyone logged in reads it; coordinators add, correct, retire and import. An approved
 * request registers its system in the decision's own transaction.
 */
@Service
public class SystemRegister {

    /** Who retired a system that a KITOS export says is no longer in use. */
    static final String KITOS_IMPORT_ACTOR = "kitos-import";

    private final RegisterRepository systems;
    private final Requests requests;
    private final People people;
    private final Renewals renewals;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SystemRegister(RegisterRepository systems, Requests requests, People people, Renewals renewals, Clock clock,
                   ApplicationEventPublisher events) {
        this.systems = systems;
        this.requests = requests;
        this.people = people;
        this.renewals = renewals;
        this.clock = clock;
        this.events = events;
    }

    /** The longest text searched for: its cost grows with its length. */
    public static final int MAX_SEARCH_TEXT = 200;

    public Paged<RegisteredSystem> search(String text, boolean includeRetired, int requestedPage, int size) {
        if (text != null && text.length() > MAX_SEARCH_TEXT) {
            throw InvalidInputException.of("q", "search.textTooLong", MAX_SEARCH_TEXT);
        }
        long total = systems.count(text, includeRetired);
        int page = Paged.clamp(requestedPage, total, size);
        return new Paged<>(systems.search(text, includeRetired, (page - 1) * size, size), total, page, size);
    }

    public RegisteredSystem find(UUID id) {
        return systems.find(id).orElseThrow(() -> new NotFoundException("No registered system " + id));
    }

    /** The system KITOS's catalogue knows by this UUID, if registered. */
    public Optional<RegisteredSystem> findByKitosUuid(UUID kitosUuid) {
        return systems.findByKitosUuid(kitosUuid);
    }

    /** The system registered under this name (case ignored), the first registered if several. */
    public Optional<RegisteredSystem> findByName(String name) {
        return systems.findByNameAndVendor(name, null);
    }

    /** These systems, those that exist, in no order. */
    public List<RegisteredSystem> findAll(Collection<UUID> ids) {
        return systems.findAll(ids);
    }

    /**
     * Locks the system an open task of this process is about (its business key), for a step of that task; empty when the
     * task is gone or another process's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> lockByTask(String processKey, String taskId) {
        return systems.lockByTask(processKey, taskId);
    }

    @Transactional
    public RegisteredSystem add(SystemForm form, CurrentUser user) {
        requireCoordinator(user);
        InvalidInputException.throwIfAny(conflicts(form, null));
        Instant now = clock.instant();
        RegisteredSystem blank = new RegisteredSystem(UUID.randomUUID(), null, null, null, null, null, null, null, null,
                List.of(), null, null, null, null, RegisterSource.MANUAL, null, null, null, now, now, user.username(), null, null,
                null, null);
        RegisteredSystem system = withForm(blank, form, now, user);
        unlessKitosUuidTaken("kitosUuid", () -> systems.insert(system));
        renewals.changed(null, system);
        return system;
    }

    @Transactional
    public RegisteredSystem update(UUID id, SystemForm form, CurrentUser user) {
        requireCoordinator(user);
        RegisteredSystem current = locked(id);
        InvalidInputException.throwIfAny(conflicts(form, id));
        RegisteredSystem changed = withForm(current, form, clock.instant(), user);
        unlessKitosUuidTaken("kitosUuid", () -> systems.update(changed));
        renewals.changed(current, changed);
        return changed;
    }

    /** What the coordinator entered; where it came from, its conditions and whether it is retired stay. */
    private static RegisteredSystem withForm(RegisteredSystem system, SystemForm form, Instant now, CurrentUser user) {
        return new RegisteredSystem(system.id(), form.name().strip(), Text.orNull(form.localName()), Text.orNull(form.vendor()),
                Text.orNull(form.department()), form.contractValueDkk(), form.contractYears(), name(form.personalData()),
                name(form.hosting()), system.conditions(), system.requestId(), system.requestReference(), form.kitosUuid(),
                Text.orNull(form.localId()), system.source(), Text.orNull(form.note()), system.retiredAt(), system.retiredBy(),
                system.createdAt(), now, user.username(), form.contractStart(), form.contractEnd(), form.noticeMonths(),
                Text.orNull(form.owner()));
    }

    /** Marks a system as no longer in use (it stays listed for the duplicate check), or in use again. */
    @Transactional
    public RegisteredSystem setRetired(UUID id, boolean retired, CurrentUser user) {
        requireCoordinator(user);
        RegisteredSystem current = locked(id);
        Instant now = clock.instant();
        RegisteredSystem changed = withRetirement(current, retired ? now : null, retired ? user.username() : null, now, user.username());
        systems.update(changed);
        renewals.changed(current, changed);
        if (current.retired() != retired) {
            events.publishEvent(new SystemRetirementChanged(id, retired));
        }
        return changed;
    }

    /** What an import did, for the coordinator. */
    public record ImportResult(int added, int updated, int retired) {
    }

    /**
     * Adds the rows of a KITOS export that are new, updates those already registered (by KITOS UUID, else by name and
     * vendor) and retires those the export marks as not in use. Systems missing from the file are left alone: an
     * export may be filtered. All or nothing: a file with a bad row changes nothing.
     */
    @Transactional
    public ImportResult importKitos(String fileName, byte[] content, CurrentUser user) {
        requireCoordinator(user);
        List<KitosExport.Row> rows = KitosExport.read(fileName, content);
        InvalidInputException.throwIfAny(rows.stream().flatMap(row -> unusable(row).stream()).toList());
        Instant now = clock.instant();
        int added = 0;
        int updated = 0;
        int retired = 0;
        for (KitosExport.Row row : rows) {
            String vendor = row.vendor() != null ? row.vendor() : withoutCvr(row.rightsHolder());
            Optional<RegisteredSystem> existing = Optional.ofNullable(row.kitosSystemUuid()).flatMap(systems::findByKitosUuid)
                    .or(() -> systems.findByNameAndVendor(row.name(), vendor))
                    .flatMap(found -> systems.lock(found.id()));
            if (existing.isEmpty()) {
                RegisteredSystem system = new RegisteredSystem(UUID.randomUUID(), row.name(), row.localName(), vendor, row.department(),
                        null, null, null, null, List.of(), null, null, row.kitosSystemUuid(), row.localId(),
                        RegisterSource.KITOS_IMPORT, null, row.active() ? null : now, row.active() ? null : KITOS_IMPORT_ACTOR,
                        now, now, user.username(), null, null, null, null);
                unlessKitosUuidTaken("file", () -> systems.insert(system));
                added++;
                continue;
            }
            RegisteredSystem current = existing.get();
            boolean retiring = !row.active() && !current.retired();
            // A coordinator's own retirement stands; the import only undoes its own.
            boolean staysRetired = current.retired() && !KITOS_IMPORT_ACTOR.equals(current.retiredBy());
            RegisteredSystem changed = new RegisteredSystem(current.id(), row.name(), or(row.localName(), current.localName()),
                    or(vendor, current.vendor()), or(row.department(), current.department()), current.contractValueDkk(),
                    current.contractYears(), current.personalData(), current.hosting(), current.conditions(),
                    current.requestId(), current.requestReference(), or(row.kitosSystemUuid(), current.kitosUuid()),
                    or(row.localId(), current.localId()), current.source(), current.note(),
                    row.active() && !staysRetired ? null : or(current.retiredAt(), now),
                    row.active() && !staysRetired ? null : or(current.retiredBy(), KITOS_IMPORT_ACTOR), current.createdAt(), now,
                    user.username(), current.contractStart(), current.contractEnd(), current.noticeMonths(), current.owner());
            unlessKitosUuidTaken("file", () -> systems.update(changed));
            renewals.changed(current, changed);
            if (current.retired() != changed.retired()) {
                events.publishEvent(new SystemRetirementChanged(current.id(), changed.retired()));
            }
            updated++;
            if (retiring) {
                retired++;
            }
        }
        return new ImportResult(added, updated, retired);
    }

    /** An approved request's system is one the municipality has from now on. */
    @EventListener
    void registerApproved(DecisionTaken taken) {
        Verdict outcome = taken.decision().outcome();
        if (outcome == Verdict.REJECTED || systems.existsForRequest(taken.requestId())) {
            return;
        }
        PurchaseRequest request = requests.findById(taken.requestId()).orElseThrow();
        Instant now = taken.decision().decidedAt();
        systems.insert(new RegisteredSystem(UUID.randomUUID(), request.systemName(), null, request.vendor(),
                request.department(), request.contractValueDkk(), request.contractYears(),
                PersonalData.mostSensitive(request.personalDataCategories()).name(),
                request.hosting().name(), taken.decision().conditions(), request.id(), request.reference(), null, null,
                RegisterSource.DECISION, null, null, null, now, now, taken.decision().decidedBy(), null, null, null,
                request.requester()));
    }

    private RegisteredSystem locked(UUID id) {
        return systems.lock(id).orElseThrow(() -> new NotFoundException("No registered system " + id));
    }

    /** Another entry took the same KITOS UUID in the meantime (the unique index decides): the caller's input, not a 500. */
    private static void unlessKitosUuidTaken(String field, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of(field, "register.kitosUuid.takenMeanwhile");
        }
    }

    /**
     * Two entries for one KITOS system would make the next import ambiguous; a contract must end after it starts, and a
     * notice period needs an end to count back from; the owner is someone who can log in.
     */
    private List<FieldProblem> conflicts(SystemForm form, UUID self) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.contractStart() != null && form.contractEnd() != null && !form.contractEnd().isAfter(form.contractStart())) {
            problems.add(new FieldProblem("contractEnd", "register.contractEnd.beforeStart"));
        }
        if (form.noticeMonths() != null && form.contractEnd() == null) {
            problems.add(new FieldProblem("contractEnd", "register.contractEnd.neededForNotice"));
        }
        if (Text.orNull(form.owner()) != null && people.person(form.owner().strip()).isEmpty()) {
            problems.add(new FieldProblem("owner", "register.owner.unknown", form.owner().strip()));
        }
        if (form.kitosUuid() != null) {
            systems.findByKitosUuid(form.kitosUuid()).filter(other -> !other.id().equals(self))
                    .ifPresent(other -> problems.add(new FieldProblem("kitosUuid", "register.kitosUuid.taken", other.name())));
        }
        return problems;
    }

    /** The rules of the form's fields for each cell: the columns' lengths and plain text on one line. */
    private static List<FieldProblem> unusable(KitosExport.Row row) {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, row, row.name(), 200);
        check(problems, row, row.localName(), 200);
        check(problems, row, row.vendor(), 200);
        check(problems, row, row.rightsHolder(), 200);
        check(problems, row, row.department(), 200);
        check(problems, row, row.localId(), 100);
        return problems;
    }

    private static void check(List<FieldProblem> problems, KitosExport.Row row, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem("file", "register.import.tooLong", row.line(), max));
        } else if (!PlainText.Validator.accepts(value, false)) {
            problems.add(new FieldProblem("file", "register.import.controlCharacters", row.line()));
        }
    }

    private static RegisteredSystem withRetirement(RegisteredSystem system, Instant retiredAt, String retiredBy,
                                                   Instant now, String by) {
        return new RegisteredSystem(system.id(), system.name(), system.localName(), system.vendor(), system.department(),
                system.contractValueDkk(), system.contractYears(), system.personalData(), system.hosting(),
                system.conditions(), system.requestId(), system.requestReference(), system.kitosUuid(), system.localId(),
                system.source(), system.note(), retiredAt, retiredBy, system.createdAt(), now, by, system.contractStart(),
                system.contractEnd(), system.noticeMonths(), system.owner());
    }

    private static void requireCoordinator(CurrentUser user) {
        if (!user.isCoordinator()) {
            throw new AccessDeniedException(user.username() + " may not change the system register");
        }
    }

    /** KITOS writes the rights holder as "Name (CVR)"; the vendor of a registered system is the name. */
    static String withoutCvr(String rightsHolder) {
        return rightsHolder == null ? null : rightsHolder.replaceFirst("\\s*\\(\\d{8}\\)$", "");
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }


    private static String name(Enum<?> value) {
        return Optional.ofNullable(value).map(Enum::name).orElse(null);
    }
}
