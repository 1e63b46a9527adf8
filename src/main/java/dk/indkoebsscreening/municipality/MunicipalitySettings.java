package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.process.CamundaTenants;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.NotFoundException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates municipalities and changes their settings: the administrators' page and API both come here, so both refuse
 * the same input with the same messages, and a refusal changes nothing.
 */
@Service
public class MunicipalitySettings {

    private final MunicipalityRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Looked up when first needed: an engine bean injected early may build the engine before Flyway has migrated. */
    private final ObjectProvider<CamundaTenants> engineTenants;
    private final InstallationProperties installation;

    MunicipalitySettings(MunicipalityRepository repository, ApplicationEventPublisher events, Clock clock,
                         ObjectProvider<CamundaTenants> engineTenants, InstallationProperties installation) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.engineTenants = engineTenants;
        this.installation = installation;
    }

    /** The rules the annotations cannot express, for {@link dk.indkoebsscreening.system.FormBinder}. */
    static List<FieldProblem> rules(MunicipalityForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.mailSender() != null && !isMailbox(form.mailSender())) {
            problems.add(new FieldProblem("mailSender", "municipality.mailSender.invalid"));
        }
        if (form.eventsSource() != null && !isAbsoluteUri(form.eventsSource())) {
            problems.add(new FieldProblem("eventsSource", "municipality.eventsSource.invalid"));
        }
        return problems;
    }

    /**
     * Creates it with its tenant in the engine, whose processes the administrators reach in Camunda's webapps, in one
     * transaction, and after the commit announces it ({@link MunicipalityAdded}).
     *
     * @throws InvalidInputException no id, or the id is taken (by a municipality or by the shared organisation's rows)
     */
    @Transactional
    public Municipality create(MunicipalityForm form) {
        if (form.id() == null) {
            throw InvalidInputException.of("id", "municipality.id.required");
        }
        InvalidInputException.throwIfAny(rules(form));
        if (form.id().equals(installation.sharedOrganisation().id()) || !repository.insert(form.id(), form, clock.instant())) {
            throw InvalidInputException.of("id", "municipality.id.taken", form.id());
        }
        Municipalities.forgetWhatTheRequestRead();
        engineTenants.getObject().ensure(form.id(), form.name());
        engineTenants.getObject().admit(form.id(), List.of(Groups.ADMINS));
        MunicipalityAdded added = new MunicipalityAdded(form.id(), form.name());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(added);
            }
        });
        return repository.find(form.id()).orElseThrow();
    }

    /**
     * @throws NotFoundException      no such municipality
     * @throws InvalidInputException the form names another id, or is invalid
     */
    @Transactional
    public Municipality update(String id, MunicipalityForm form) {
        if (form.id() != null && !form.id().equals(id)) {
            throw InvalidInputException.of("id", "municipality.id.unchangeable", id);
        }
        InvalidInputException.throwIfAny(rules(form));
        if (!repository.update(id, form, clock.instant())) {
            throw new NotFoundException("No municipality " + id);
        }
        Municipalities.forgetWhatTheRequestRead();
        return repository.find(id).orElseThrow();
    }

    /** One address, with or without a display name: "Indkøbsscreening &lt;indkoeb@nordby.dk&gt;". */
    private static boolean isMailbox(String value) {
        try {
            InternetAddress[] addresses = InternetAddress.parse(value, true);
            if (addresses.length != 1) {
                return false;
            }
            addresses[0].validate();
            return addresses[0].getAddress().contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    /** A URI-reference with a scheme, as CloudEvents wants an absolute source: "urn:indkoebsscreening:nordby". */
    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
