package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.Groups;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one rule for who may read a request, as the case file, the task pages, the files, the report and the duplicate check apply it. */
class ReadRuleTest {

    private final PurchaseRequest annas = TransitionTest.requestIn(RequestStatus.IN_SCREENING);

    @Test
    void theRequesterAndWhoeverTakesPartInScreeningReadIt() {
        assertThat(Requests.mayRead(annas, new CurrentUser("anna", Set.of(Groups.STAFF)))).isTrue();
        assertThat(Requests.mayRead(annas, new CurrentUser("koordinator", Set.of(Groups.STAFF, Groups.COORDINATORS)))).isTrue();
        assertThat(Requests.mayRead(annas, new CurrentUser("admin", Set.of(Groups.ADMINS)))).isTrue();
        for (Area area : Area.values()) {
            assertThat(Requests.mayRead(annas, new CurrentUser("ekspert", Set.of(Groups.STAFF, area.candidateGroup()))))
                    .as("an expert of %s, whether or not the request's scope has the area", area).isTrue();
        }
    }

    @Test
    void anotherRequesterAndAnUnrelatedGroupDoNot() {
        assertThat(Requests.mayRead(annas, new CurrentUser("bent", Set.of(Groups.STAFF)))).isFalse();
        assertThat(Requests.mayRead(annas, new CurrentUser("oekonom", Set.of(Groups.STAFF, "oekonomi")))).isFalse();
        assertThat(Requests.mayRead(annas, new CurrentUser("udenfor", Set.of()))).isFalse();
        assertThat(Requests.mayRead(annas, new CurrentUser("Anna", Set.of(Groups.STAFF)))).as("user ids are exact").isFalse();
        assertThat(Requests.mayReadEvery(new CurrentUser("anna", Set.of(Groups.STAFF)))).isFalse();
    }
}
