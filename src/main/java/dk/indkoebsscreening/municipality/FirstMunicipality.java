package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The installation's first municipality, written once from the configuration that held its settings before they
 * were a municipality's ({@code indkoeb.municipality}, {@code indkoeb.notifications.from} and
 * {@code .group-mailboxes}, {@code indkoeb.events.source}, {@code indkoeb.accessibility.contact-email}) and the scope
 * table's figures of then, so that an installation upgraded to municipalities and the demo behave as before. After
 * that its administrators keep the settings on the page: the configuration no longer changes them, and a start whose
 * configuration says otherwise than the settings warns about each such setting, so an operator who changed an
 * environment variable learns where the setting is now. Several instances starting at once write it once (the insert
 * skips an existing id).
 */
@Component
class FirstMunicipality {

    private static final Logger log = LoggerFactory.getLogger(FirstMunicipality.class);
    private static final String NAME = "indkoeb.municipality";
    private static final String MAIL_SENDER = "indkoeb.notifications.from";
    private static final String ACCESSIBILITY_CONTACT = "indkoeb.accessibility.contact-email";
    private static final String EVENTS_SOURCE = "indkoeb.events.source";
    private static final String GROUP_MAILBOXES = "indkoeb.notifications.group-mailboxes";

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
        MunicipalityForm configured = configured();
        repository.find(installation.municipalityId()).ifPresentOrElse(
                stored -> warnAboutDifferences(configured, stored),
                () -> repository.insert(installation.municipalityId(), configured, clock.instant()));
    }

    private MunicipalityForm configured() {
        Binder binder = Binder.get(environment);
        return new MunicipalityForm(installation.municipalityId(),
                installation.municipality(), null, null, binder.bind(MAIL_SENDER, String.class).orElse(""),
                null, DPIA_MIN_USERS, FAST_TRACK_MAX_VALUE_DKK,
                Text.orNull(binder.bind(ACCESSIBILITY_CONTACT, String.class).orElse(null)),
                binder.bind(EVENTS_SOURCE, String.class).orElse(""),
                binder.bind(GROUP_MAILBOXES, Bindable.mapOf(String.class, String.class)).orElse(Map.of()), Set.of());
    }

    private static void warnAboutDifferences(MunicipalityForm configured, Municipality stored) {
        Map<String, Object[]> settings = new LinkedHashMap<>();
        settings.put(NAME, new Object[]{configured.name(), stored.name()});
        settings.put(MAIL_SENDER, new Object[]{configured.mailSender(), stored.mailSender()});
        settings.put(ACCESSIBILITY_CONTACT, new Object[]{configured.accessibilityContact(), stored.accessibilityContact()});
        settings.put(EVENTS_SOURCE, new Object[]{configured.eventsSource(), String.valueOf(stored.eventsSource())});
        settings.put(GROUP_MAILBOXES, new Object[]{configured.groupMailboxes(), stored.groupMailboxes()});
        settings.forEach((setting, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                log.warn("{} is '{}' in the configuration but '{}' in {}'s settings: the settings apply; change them on "
                        + "Kommuner (/admin/kommuner) or through /api/municipalities", setting, values[0], values[1], stored.id());
            }
        });
    }
}
