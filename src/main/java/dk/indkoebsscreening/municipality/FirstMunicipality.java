package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The installation's first municipality, written once from the configuration that held its settings before they
 * were a municipality's ({@code indkoeb.municipality}, {@code indkoeb.notifications.from} and
 * {@code .group-mailboxes}, {@code indkoeb.events.source}, {@code indkoeb.accessibility.contact-email}) and the scope
 * table's figures of then, so that an installation upgraded to municipalities and the demo behave as before. After
 * that its administrators keep the settings on the page: the configuration no longer changes them. Several instances
 * starting at once write it once (the insert skips an existing id).
 */
@Component
class FirstMunicipality {

    /** From how many users ordinary personal data made a DPIA likely when the scope table held the figure. */
    static final int DPIA_MIN_USERS = 1000;
    /** The highest contract value a fast track allowed when the scope table held the figure. */
    static final BigDecimal FAST_TRACK_MAX_VALUE_DKK = BigDecimal.valueOf(100_000);

    private final MunicipalityRepository repository;
    private final InstallationProperties installation;
    private final Environment environment;
    private final Clock clock;

    FirstMunicipality(MunicipalityRepository repository, InstallationProperties installation, Environment environment, Clock clock) {
        this.repository = repository;
        this.installation = installation;
        this.environment = environment;
        this.clock = clock;
    }

    void writeIfAbsent() {
        if (repository.find(installation.municipalityId()).isPresent()) {
            return;
        }
        Binder binder = Binder.get(environment);
        repository.insert(installation.municipalityId(), new MunicipalityForm(installation.municipalityId(),
                installation.municipality(), null, null, binder.bind("indkoeb.notifications.from", String.class).orElse(""),
                null, DPIA_MIN_USERS, FAST_TRACK_MAX_VALUE_DKK,
                Text.orNull(binder.bind("indkoeb.accessibility.contact-email", String.class).orElse(null)),
                binder.bind("indkoeb.events.source", String.class).orElse(""),
                binder.bind("indkoeb.notifications.group-mailboxes", Bindable.mapOf(String.class, String.class)).orElse(Map.of())),
                clock.instant());
    }
}
