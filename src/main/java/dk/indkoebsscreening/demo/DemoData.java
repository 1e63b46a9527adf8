package dk.indkoebsscreening.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.municipality.MunicipalityForm;
import dk.indkoebsscreening.municipality.MunicipalitySettings;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.register.SystemForm;
import dk.indkoebsscreening.register.SystemRegister;
import dk.indkoebsscreening.request.BenefitCriterion;
import dk.indkoebsscreening.request.BenefitRating;
import dk.indkoebsscreening.request.FundingSource;
import dk.indkoebsscreening.request.Hosting;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.PurchaseRequestForm;
import dk.indkoebsscreening.request.RequestService;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.security.IdentitySetup;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.task.WorkTask;
import dk.indkoebsscreening.task.WorkTaskService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo: the shared IT-service organisation "IT-fællesskabet" and two of its municipalities, Nordby (the
 * installation's, with today's users and requests) and Sydby, which both route installation and support to the
 * organisation's experts. Users, all with password {@code demo}:
 * <ul>
 * <li>Nordby: {@code anna}, {@code bent} (staff), {@code koordinator}, {@code sikkerhed}, {@code brugerstyring},
 *     {@code kontrakt}, {@code implementering};</li>
 * <li>Sydby: {@code sofie} (staff), {@code sydby-koordinator}, {@code sydby-sikkerhed}, {@code sydby-brugerstyring},
 *     {@code sydby-kontrakt}, {@code sydby-implementering};</li>
 * <li>IT-fællesskabet: {@code installation}, {@code support} (screen their area for both) and {@code admin}.</li>
 * </ul>
 * Requests from municipal practice: Nordby's one waiting for triage and one in screening, Sydby's one in screening.
 */
@Component
@ConditionalOnProperty(name = "indkoeb.demo.enabled", havingValue = "true")
class DemoData {

    static final String PASSWORD = "demo";
    static final String SYDBY = "sydby";
    /** What the shared organisation screens for both demo municipalities. */
    private static final Set<Area> SHARED = Set.of(Area.INSTALLATION, Area.SUPPORT);

    private final IdentitySetup identity;
    private final RequestService requestService;
    private final Requests requests;
    private final WorkTaskService tasks;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final SystemRegister register;
    private final Municipalities municipalities;
    private final MunicipalitySettings settings;
    private final InstallationProperties installation;

    DemoData(IdentitySetup identity, RequestService requestService, Requests requests, WorkTaskService tasks,
             ObjectMapper objectMapper, Clock clock, SystemRegister register, Municipalities municipalities,
             MunicipalitySettings settings, InstallationProperties installation) {
        this.identity = identity;
        this.requestService = requestService;
        this.requests = requests;
        this.tasks = tasks;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.register = register;
        this.municipalities = municipalities;
        this.settings = settings;
        this.installation = installation;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void create() {
        String nordby = installation.municipalityId();
        if (municipalities.find(SYDBY).isEmpty()) {
            Municipality first = municipalities.byId(nordby);
            settings.update(nordby, MunicipalityForm.of(first, SHARED));
            settings.create(new MunicipalityForm(SYDBY, "Sydby Kommune", "Digitalisering", null,
                    "Indkøbsscreening <indkoebsscreening@sydby.demo.kommune.dk>", null, first.dpiaMinUsers(),
                    first.fastTrackMaxValueDkk(), null, "urn:indkoebsscreening:sydby", Map.of(), SHARED));
        }
        Tenancy.runAs(nordby, () -> nordby(nordby));
        Tenancy.runAs(SYDBY, this::sydby);
        identity.user("installation", "Ida", "Installation", PASSWORD,
                List.of(Groups.SHARED_ORGANISATION, Area.INSTALLATION.sharedCandidateGroup()), null);
        identity.user("support", "Signe", "Support", PASSWORD,
                List.of(Groups.SHARED_ORGANISATION, Area.SUPPORT.sharedCandidateGroup()), null);
        identity.user("admin", "Admin", "Administrator", PASSWORD, List.of(Groups.SHARED_ORGANISATION, Groups.ADMINS), null);
    }

    private void nordby(String nordby) {
        identity.user("anna", "Anna", "Andersen", PASSWORD, List.of(Groups.STAFF), nordby);
        identity.user("bent", "Bent", "Bertelsen", PASSWORD, List.of(Groups.STAFF), nordby);
        identity.user("sikkerhed", "Sara", "Sikkerhed", PASSWORD, List.of(Groups.STAFF, Area.SECURITY.candidateGroup()), nordby);
        identity.user("brugerstyring", "Bo", "Brugerstyring", PASSWORD, List.of(Groups.STAFF, Area.USER_MANAGEMENT.candidateGroup()), nordby);
        identity.user("kontrakt", "Karl", "Kontrakt", PASSWORD, List.of(Groups.STAFF, Area.CONTRACT.candidateGroup()), nordby);
        identity.user("implementering", "Ib", "Implementering", PASSWORD, List.of(Groups.STAFF, Area.IMPLEMENTATION.candidateGroup()), nordby);
        identity.user("koordinator", "Karen", "Koordinator", PASSWORD, List.of(Groups.STAFF, Groups.COORDINATORS), nordby);

        if (register.search(null, true, 1, 1).total() == 0) {
            // Systems the municipality already has, so that the duplicate check has something to find.
            CurrentUser coordinator = new CurrentUser("koordinator", Set.of(Groups.COORDINATORS));
            register.add(new SystemForm("BookPlus Booking", "Lokalebooking", "Eksempel Software A/S", "Kultur og Fritid",
                    new BigDecimal("90000"), 3, PersonalData.ORDINARY, Hosting.CLOUD_EU, null, null,
                    "Bruges til booking af haller og mødelokaler.", LocalDate.now(clock).minusYears(3).withDayOfMonth(1),
                    LocalDate.now(clock).plusMonths(8).withDayOfMonth(1), 3, "anna"), coordinator);
            register.add(new SystemForm("Tandjournal Pro", null, "Nordisk Dental ApS", "Børne- og Ungdomstandplejen",
                    null, null, PersonalData.SENSITIVE, Hosting.ON_PREMISES, null, "TJ-01", null, null, null, null, null), coordinator);
            register.add(new SystemForm("Lønportal", null, "Eksempel Løn A/S", "HR og Løn", null, null, PersonalData.CPR,
                    Hosting.CLOUD_EU, null, null, null, null, null, null, null), coordinator);
        }
        LocalDate inTwoMonths = LocalDate.now(clock).plusMonths(2);
        if (!requests.existsWithTitle("Tidsbestilling i Borgerservice")) {
            requestService.submit(new PurchaseRequestForm("Tidsbestilling i Borgerservice", "BookPlus Borger",
                    "Eksempel Software A/S",
                    "Borgerne skal kunne booke tid til pas, kørekort og sundhedskort online, så køen i "
                            + "Borgerservice bliver kortere og medarbejderne kan planlægge dagen.",
                    "Borgerservice", new BigDecimal("85000"), new BigDecimal("60000"), 4, 25, List.of(PersonalData.ORDINARY, PersonalData.CPR),
                    Hosting.CLOUD_EU, null, "MitID-login, kommunens kalender (Exchange)", inTwoMonths, null, null, null, null, null,
                    FundingSource.POOL, "Digitaliseringspuljen", FundingSource.DEPARTMENT, null,
                    benefits(BenefitRating.MEDIUM, BenefitRating.HIGH, BenefitRating.HIGH, BenefitRating.MEDIUM, BenefitRating.HIGH),
                    "Kortere kø i Borgerservice og færre opkald om ventetid; andre borgerservicecentre kan bruge samme løsning."), "anna");
        }
        if (!requests.existsWithTitle("3D-tandskanning")) {
            PurchaseRequest request = requestService.submit(new PurchaseRequestForm("3D-tandskanning",
                    "DentScan 3D", "Nordisk Dental ApS",
                    "Tandplejen vil erstatte aftryk med 3D-scanning af børns tænder: hurtigere for barnet, "
                            + "bedre kvalitet og digitale modeller til tandreguleringen.",
                    "Børne- og Ungdomstandplejen", new BigDecimal("420000"), new BigDecimal("95000"), 5, 40,
                    List.of(PersonalData.CPR, PersonalData.SENSITIVE), Hosting.ON_PREMISES, null, "Tandplejens journalsystem", inTwoMonths, null, null, null,
                    // The vendor's contact, so that an expert can try the vendor's questionnaire on the demo (README).
                    "Mette Madsen", "mette.madsen@nordiskdental.example",
                    FundingSource.DEPARTMENT, null, FundingSource.DEPARTMENT, null,
                    benefits(BenefitRating.MEDIUM, BenefitRating.MEDIUM, BenefitRating.HIGH, BenefitRating.LOW, BenefitRating.LOW),
                    "Ingen aftryk i munden på børnene og digitale modeller til tandreguleringen i stedet for gipsmodeller."), "bent");
            acceptAtTriage(request, new CurrentUser("koordinator", Set.of(Groups.STAFF, Groups.COORDINATORS), Optional.of(nordby)));
        }
    }

    private void sydby() {
        identity.user("sofie", "Sofie", "Sørensen", PASSWORD, List.of(Groups.STAFF), SYDBY);
        identity.user("sydby-koordinator", "Sune", "Koordinator", PASSWORD, List.of(Groups.STAFF, Groups.COORDINATORS), SYDBY);
        identity.user("sydby-sikkerhed", "Sif", "Sikkerhed", PASSWORD, List.of(Groups.STAFF, Area.SECURITY.candidateGroup()), SYDBY);
        identity.user("sydby-brugerstyring", "Svend", "Brugerstyring", PASSWORD, List.of(Groups.STAFF, Area.USER_MANAGEMENT.candidateGroup()), SYDBY);
        identity.user("sydby-kontrakt", "Stine", "Kontrakt", PASSWORD, List.of(Groups.STAFF, Area.CONTRACT.candidateGroup()), SYDBY);
        identity.user("sydby-implementering", "Sander", "Implementering", PASSWORD, List.of(Groups.STAFF, Area.IMPLEMENTATION.candidateGroup()), SYDBY);
        if (!requests.existsWithTitle("Ruteplanlægning i hjemmeplejen")) {
            PurchaseRequest request = requestService.submit(new PurchaseRequestForm("Ruteplanlægning i hjemmeplejen",
                    "CareRoute", "Eksempel Omsorg A/S",
                    "Hjemmeplejen vil planlægge de daglige ruter digitalt, så medarbejderne bruger mindre tid i bilen "
                            + "og borgerne får besøg på det aftalte tidspunkt.",
                    "Hjemmeplejen", new BigDecimal("250000"), new BigDecimal("80000"), 4, 120,
                    List.of(PersonalData.CPR, PersonalData.SENSITIVE), Hosting.CLOUD_EU, null, "Omsorgssystemet",
                    LocalDate.now(clock).plusMonths(3), null, null, null, null, null,
                    FundingSource.EXTERNAL, "Velfærdsteknologipuljen (statslig)", FundingSource.DEPARTMENT, null,
                    benefits(BenefitRating.HIGH, BenefitRating.HIGH, BenefitRating.MEDIUM, BenefitRating.LOW, BenefitRating.MEDIUM),
                    "Mindre tid i bilen og færre aflyste besøg; borgerne får besøg til den aftalte tid."), "sofie");
            acceptAtTriage(request, new CurrentUser("sydby-koordinator", Set.of(Groups.STAFF, Groups.COORDINATORS), Optional.of(SYDBY)));
        }
    }

    /** The five ratings in the criteria's order. */
    private static Map<BenefitCriterion, BenefitRating> benefits(BenefitRating... ratings) {
        Map<BenefitCriterion, BenefitRating> rated = new EnumMap<>(BenefitCriterion.class);
        for (BenefitCriterion criterion : BenefitCriterion.values()) {
            rated.put(criterion, ratings[criterion.ordinal()]);
        }
        return rated;
    }

    private void acceptAtTriage(PurchaseRequest request, CurrentUser coordinator) {
        WorkTask triage = tasks.openTasks(coordinator).stream()
                .filter(task -> task.type() == TaskType.TRIAGE && task.requestId().equals(request.id()))
                .findFirst()
                .orElseThrow();
        tasks.complete(triage.id(), objectMapper.valueToTree(Map.of("outcome", "ACCEPT")), coordinator);
    }
}
