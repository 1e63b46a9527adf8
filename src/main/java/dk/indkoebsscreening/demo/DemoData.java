package dk.indkoebsscreening.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.request.Hosting;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.PurchaseRequestForm;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.RequestService;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.register.SystemForm;
import dk.indkoebsscreening.register.SystemRegister;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.security.IdentitySetup;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.task.WorkTask;
import dk.indkoebsscreening.task.WorkTaskService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, all with password {@code demo}, and two purchase requests from municipal practice:
 * one waiting for triage, one accepted and in screening.
 */
@Component
@ConditionalOnProperty(name = "indkoeb.demo.enabled", havingValue = "true")
class DemoData {

    static final String PASSWORD = "demo";

    private final IdentitySetup identity;
    private final RequestService requestService;
    private final Requests requests;
    private final WorkTaskService tasks;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final SystemRegister register;

    DemoData(IdentitySetup identity, RequestService requestService, Requests requests,
             WorkTaskService tasks, ObjectMapper objectMapper, Clock clock, SystemRegister register) {
        this.identity = identity;
        this.requestService = requestService;
        this.requests = requests;
        this.tasks = tasks;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.register = register;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void create() {
        identity.user("anna", "Anna", "Andersen", PASSWORD, List.of(Groups.STAFF));
        identity.user("bent", "Bent", "Bertelsen", PASSWORD, List.of(Groups.STAFF));
        identity.user("sikkerhed", "Sara", "Sikkerhed", PASSWORD, List.of(Groups.STAFF, Area.SECURITY.candidateGroup()));
        identity.user("brugerstyring", "Bo", "Brugerstyring", PASSWORD, List.of(Groups.STAFF, Area.USER_MANAGEMENT.candidateGroup()));
        identity.user("support", "Signe", "Support", PASSWORD, List.of(Groups.STAFF, Area.SUPPORT.candidateGroup()));
        identity.user("kontrakt", "Karl", "Kontrakt", PASSWORD, List.of(Groups.STAFF, Area.CONTRACT.candidateGroup()));
        identity.user("installation", "Ida", "Installation", PASSWORD, List.of(Groups.STAFF, Area.INSTALLATION.candidateGroup()));
        identity.user("implementering", "Ib", "Implementering", PASSWORD, List.of(Groups.STAFF, Area.IMPLEMENTATION.candidateGroup()));
        identity.user("koordinator", "Karen", "Koordinator", PASSWORD, List.of(Groups.STAFF, Groups.COORDINATORS));
        identity.user("admin", "Admin", "Administrator", PASSWORD, List.of(Groups.STAFF, Groups.ADMINS));

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
                    Hosting.CLOUD_EU, null, "MitID-login, kommunens kalender (Exchange)", inTwoMonths, null, null, null, null, null), "anna");
        }
        if (!requests.existsWithTitle("3D-tandskanning")) {
            PurchaseRequest request = requestService.submit(new PurchaseRequestForm("3D-tandskanning",
                    "DentScan 3D", "Nordisk Dental ApS",
                    "Tandplejen vil erstatte aftryk med 3D-scanning af børns tænder: hurtigere for barnet, "
                            + "bedre kvalitet og digitale modeller til tandreguleringen.",
                    "Børne- og Ungdomstandplejen", new BigDecimal("420000"), new BigDecimal("95000"), 5, 40,
                    List.of(PersonalData.CPR, PersonalData.SENSITIVE), Hosting.ON_PREMISES, null, "Tandplejens journalsystem", inTwoMonths, null, null, null,
                    // The vendor's contact, so that an expert can try the vendor's questionnaire on the demo (README).
                    "Mette Madsen", "mette.madsen@nordiskdental.example"), "bent");
            acceptAtTriage(request);
        }
    }

    private void acceptAtTriage(PurchaseRequest request) {
        CurrentUser coordinator = new CurrentUser("koordinator", Set.of(Groups.STAFF, Groups.COORDINATORS));
        WorkTask triage = tasks.openTasks(coordinator).stream()
                .filter(task -> task.type() == TaskType.TRIAGE && task.requestId().equals(request.id()))
                .findFirst()
                .orElseThrow();
        tasks.complete(triage.id(), objectMapper.valueToTree(Map.of("outcome", "ACCEPT")), coordinator);
    }
}
