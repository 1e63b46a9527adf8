package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.ScreeningGroups;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.system.InstallationProperties;
import org.springframework.stereotype.Component;

/**
 * Each municipality's routing of the areas: the shared organisation's experts screen those it routes to them. Work that
 * acts for the organisation itself (its people outside a municipality's task) asks about its own groups.
 */
@Component(ScreeningProcess.SCREENING_GROUPS)
class SharedScreeningGroups implements ScreeningGroups {

    private final Municipalities municipalities;
    private final InstallationProperties installation;

    SharedScreeningGroups(Municipalities municipalities, InstallationProperties installation) {
        this.municipalities = municipalities;
        this.installation = installation;
    }

    @Override
    public String groupOf(Area area) {
        return area.candidateGroup(municipalities.find(installation.municipalityOfTheWork())
                .map(municipality -> municipality.sharedAreas().contains(area))
                .orElse(true));
    }
}
