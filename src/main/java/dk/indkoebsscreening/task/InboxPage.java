package dk.indkoebsscreening.task;

import dk.indkoebsscreening.casefile.CaseFileService;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.Paged;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The inbox of experts and coordinators ({@link Inbox}), and for coordinators the requests waiting for their requester. */
@PageController
class InboxPage {

    /** How many waiting requests the coordinators' section shows; the list of requests has them all. */
    private static final int AWAITING_SHOWN = 50;

    private final WorkTaskService tasks;
    private final CaseFileService caseFiles;
    private final Choices choices;
    private final AbsenceService absences;
    private final GroupCover cover;
    private final MunicipalityShown municipalityShown;
    private final InboxCount count;

    InboxPage(WorkTaskService tasks, CaseFileService caseFiles, Choices choices, AbsenceService absences, GroupCover cover,
              MunicipalityShown municipalityShown, InboxCount count) {
        this.municipalityShown = municipalityShown;
        this.count = count;
        this.tasks = tasks;
        this.caseFiles = caseFiles;
        this.choices = choices;
        this.absences = absences;
        this.cover = cover;
    }

    /**
     * @param type   a kind of task ({@link TaskType} name) to list alone
     * @param area   a screening area to list alone
     * @param search text in the reference, title, system or vendor
     * @param page   1-based, when filtered
     */
    @GetMapping("/opgaver")
    String inbox(@RequestParam(name = "type", required = false) String type,
                 @RequestParam(name = "omraade", required = false) String area,
                 @RequestParam(name = "q", required = false) String search,
                 @RequestParam(name = "side", defaultValue = "1") String page,
                 Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        Inbox.Filter filter = Inbox.Filter.of(type, area, search);
        // A coordinator who picks an area sees that expert group's tasks, to follow them and hand them on.
        // Unfiltered, the sections' first tasks and their numbers are read as such; a filter lists every match in pages.
        Inbox inbox = filter.isEmpty() ? Inbox.of(tasks.preview(user, Inbox.LISTED_KINDS, Inbox.SECTION_PREVIEW))
                : Inbox.of(tasks.openTasks(user, filter.area() != null), filter, Paged.requested(page));
        model.addAttribute("inbox", inbox);
        if (inbox.total() != null) {
            // The menu's count as the list has it now, also for the other pages' menus for a while.
            count.remember(user, inbox.total());
            model.addAttribute("openTaskCount", inbox.total());
        }
        model.addAttribute("types", choices.of("taskType.", Inbox.URGENCY.toArray(TaskType[]::new)));
        List<Area> areas = user.isCoordinator() || user.isAdmin() ? List.of(Area.values()) : user.screeningAreas();
        model.addAttribute("areas", choices.of("area.", areas.toArray(Area[]::new)));
        model.addAttribute("pagerBase", UriComponentsBuilder.fromPath("/opgaver")
                .queryParam("type", filter.type() == null ? "" : filter.type().name())
                .queryParam("omraade", filter.area() == null ? "" : filter.area().name())
                .queryParam("q", filter.text()).encode().toUriString() + "&side=");
        // The user's own absence (now or coming, with a link to change it) and their stand-ins for groups, above all.
        model.addAttribute("myAbsence", absences.notOver(user.username()).orElse(null));
        model.addAttribute("myStandIns", cover.standingInFor(user.username()));
        model.addAttribute("coverWarnings", user.isCoordinator() ? cover.warnings() : List.of());
        model.addAttribute("groupStandIns", user.isCoordinator() ? cover.activeStandIns() : List.of());
        model.addAttribute("municipalityNames", municipalityShown.names());
        model.addAttribute("awaitingRequester", filter.isEmpty() ? caseFiles.awaitingRequester(user, AWAITING_SHOWN) : List.of());
        return "task/inbox";
    }
}
