package dk.indkoebsscreening.bench;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.municipality.MunicipalityForm;
import dk.indkoebsscreening.municipality.MunicipalitySettings;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.security.IdentitySetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared installation of {@link SharedInstallationBenchmark}, made inside the application's own process with its
 * own services, after the demo (Nordby and Sydby): municipalities up to {@code benchmark.shared.municipalities}, each
 * routing installation and support to the shared organisation, and in each {@value #REQUESTERS} requesters, an expert
 * for each of its own four areas and a coordinator; the shared organisation gets {@value #SHARED_EXPERTS} experts for
 * installation and as many for support. Password {@code demo}. Only on the benchmark's class path.
 */
@Component
@ConditionalOnProperty(name = "benchmark.shared.municipalities")
class SharedInstallationPeople {

    static final int REQUESTERS = 30;
    static final int SHARED_EXPERTS = 10;
    static final Set<Area> SHARED_AREAS = Set.of(Area.INSTALLATION, Area.SUPPORT);
    static final List<Area> OWN_AREAS = List.of(Area.SECURITY, Area.USER_MANAGEMENT, Area.CONTRACT, Area.IMPLEMENTATION);

    private final IdentitySetup identity;
    private final Municipalities municipalities;
    private final MunicipalitySettings settings;
    private final int wanted;

    SharedInstallationPeople(IdentitySetup identity, Municipalities municipalities, MunicipalitySettings settings,
                             org.springframework.core.env.Environment environment) {
        this.identity = identity;
        this.municipalities = municipalities;
        this.settings = settings;
        this.wanted = environment.getRequiredProperty("benchmark.shared.municipalities", Integer.class);
    }

    /** The ids of the installation's municipalities: the demo's two, then {@code k03}, {@code k04}, … */
    static List<String> municipalityIds(String installation, int count) {
        List<String> ids = new ArrayList<>(List.of(installation, "sydby"));
        for (int i = 3; i <= count; i++) {
            ids.add(String.format("k%02d", i));
        }
        return ids;
    }

    static String requester(String municipality, int number) {
        return String.format("%s-anmoder-%02d", municipality, number);
    }

    static String expert(String municipality, Area area) {
        return municipality + "-" + area.name().toLowerCase().replace('_', '-');
    }

    static String sharedExpert(Area area, int number) {
        return String.format("faelles-%s-%02d", area.name().toLowerCase(), number);
    }

    static String coordinator(String municipality) {
        return municipality + "-koordinator";
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    public void create() {
        List<Municipality> existing = municipalities.all();
        Municipality template = existing.get(0);
        for (String id : municipalityIds(template.id(), wanted)) {
            if (municipalities.find(id).isEmpty()) {
                settings.create(new MunicipalityForm(id, "Kommune " + id.substring(1), "Digitalisering", null,
                        "Indkøbsscreening <indkoebsscreening@" + id + ".example>", null, template.dpiaMinUsers(),
                        template.fastTrackMaxValueDkk(), null, "urn:indkoebsscreening:" + id, Map.of(), SHARED_AREAS));
            }
            for (int i = 1; i <= REQUESTERS; i++) {
                identity.user(requester(id, i), "Anmoder", id + " " + i, "demo", List.of(Groups.STAFF), id);
            }
            for (Area area : OWN_AREAS) {
                identity.user(expert(id, area), "Ekspert", id, "demo", List.of(Groups.STAFF, area.candidateGroup()), id);
            }
            identity.user(coordinator(id), "Koordinator", id, "demo", List.of(Groups.STAFF, Groups.COORDINATORS), id);
        }
        for (Area area : SHARED_AREAS) {
            for (int i = 1; i <= SHARED_EXPERTS; i++) {
                identity.user(sharedExpert(area, i), "Fælles", area.name(), "demo",
                        List.of(Groups.SHARED_ORGANISATION, area.sharedCandidateGroup()), null);
            }
        }
    }
}
