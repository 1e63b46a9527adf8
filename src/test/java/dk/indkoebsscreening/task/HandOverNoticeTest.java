package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * A task page held by its group's only member says there is nobody else to hand it to, and does not claim that
 * everyone is away or send the coordinator to appoint a stand-in when nobody is.
 */
class HandOverNoticeTest extends ApiTestBase {

    @Test
    void theGroupsOnlyMemberHoldingATaskIsNotToldEveryoneIsAway() {
        String requestId = api.submit("anna", "Kun én koordinator").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        String page = "/opgaver/" + triage;
        assertThat(coordinator.postForm(page, page + "/tag", "").statusCode()).isBetween(300, 399);

        String body = coordinator.get(page).body();
        assertThat(body).contains("Der er ingen andre i opgavens gruppe at give opgaven til.")
                .doesNotContain("alle er fraværende", "Udpeg en stedfortræder");
    }
}
