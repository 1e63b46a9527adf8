package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.security.Municipality.Made;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 31's isolation, attacked through the web pages with a browser's login (session and CSRF token): each role of
 * one demo municipality opens what the other's people made by its address (case file, receipt, report, file, process,
 * condition, vendor page, tasks, system, data processors), searches for it (list, CSV, register, duplicate check, task
 * list, overview) and posts the forms that would change it. Every page is refused or finds nothing and shows nothing of
 * the other municipality, and its rows stay as they were. The mail log is the shared organisation's administrator's.
 */
class MunicipalityIsolationPagesAttackTest extends ApiTestBase {

    @Test
    void sydbysPeopleOpenAndChangeNothingOfNordbysPages() {
        attack(Municipality.SYDBY);
    }

    @Test
    void nordbysPeopleOpenAndChangeNothingOfSydbysPages() {
        attack(Municipality.NORDBY);
    }

    private void attack(Municipality attackers) {
        Municipality victim = attackers.other();
        Made theirs = victim.make(api, lifecycle);
        List<String> before = victim.settledRows(jdbc, theirs);

        WebSession own = session(victim.coordinator());
        for (String page : pages(theirs)) {
            assertThat(own.get(page).statusCode()).as(victim.coordinator() + " " + page).isEqualTo(200);
        }
        assertThat(own.get("/anmodninger/alle?q=" + WebSession.encode(theirs.reference())).body()).contains(theirs.title());
        assertThat(own.get("/anmodninger/alle.csv?q=" + WebSession.encode(theirs.reference())).body()).contains(theirs.title());
        assertThat(own.get("/systemer?q=" + WebSession.encode(theirs.tag())).body()).contains(theirs.tag());
        WebSession expert = session(victim.experts().get(Area.SECURITY));
        assertThat(expert.get("/opgaver/" + theirs.screeningTask()).statusCode()).isEqualTo(200);
        // Whom a task may be handed to, who covers a group, who may stand in for an absence: the municipality's people.
        String[] strangers = attackers.names().toArray(String[]::new);
        assertThat(own.get("/opgaver/" + theirs.triageTask()).body()).as("the triage's hand-over").doesNotContain(strangers);
        assertThat(expert.get("/opgaver/" + theirs.screeningTask()).body()).as("the screening's hand-over").doesNotContain(strangers);
        assertThat(own.get("/opgaver/fravaer").body()).as("the cover page").doesNotContain(strangers);
        assertThat(expert.get("/indstillinger/fravaer").body()).as("the absence's stand-ins").doesNotContain(strangers);

        for (String attacker : attackers.roles()) {
            WebSession session = session(attacker);
            List<String> doors = new ArrayList<>(pages(theirs));
            doors.add("/opgaver/" + theirs.screeningTask());
            doors.add("/anmodninger/" + theirs.approved().toUpperCase(Locale.ROOT));
            doors.add("/anmodninger/" + theirs.approved().replace("-", "%2D"));
            doors.add("/anmodninger/" + theirs.approved() + "/");
            doors.add("/admin/mails");
            doors.add("/admin/kommuner/" + victim.id());
            for (String door : doors) {
                HttpResponse<String> refused = session.get(door);
                // An encoded hyphen is refused before the address is read (400).
                assertThat(refused.statusCode()).as(attacker + " " + door).isIn(door.contains("%2D") ? List.of(400, 403, 404) : List.of(403, 404));
                assertThat(refused.body()).as(attacker + " " + door).doesNotContain(theirs.secretsBeyond(door)).doesNotStartWith("%PDF");
            }
            for (String query : List.of(theirs.tag(), theirs.reference(), theirs.demoReference(), victim.demoTitle())) {
                for (String list : List.of("/anmodninger/alle?q=", "/anmodninger/alle.csv?q=", "/systemer?q=")) {
                    HttpResponse<String> found = session.get(list + WebSession.encode(query));
                    assertThat(found.statusCode()).as(attacker + " " + list + query).isEqualTo(200);
                    assertThat(found.body()).as(attacker + " " + list + query).doesNotContain(theirs.secretsBeyond(query));
                }
            }
            assertThat(session.get("/anmodninger/alle?q=" + WebSession.encode(victim.demoTitle())).body())
                    .as(attacker + ": the other's demo request").doesNotContain(theirs.demoRequest());
            for (String open : List.of("/", "/opgaver", "/opgaver?q=" + WebSession.encode(theirs.tag()),
                    "/opgaver?q=" + WebSession.encode(theirs.reference()), "/systemer",
                    "/anmodninger/lignende?systemName=" + WebSession.encode(theirs.systemName()))) {
                HttpResponse<String> page = followed(session, open);
                // The task list is the screening's participants' (a requester is refused it).
                assertThat(page.statusCode()).as(attacker + " " + open)
                        .isIn(open.startsWith("/opgaver") && attacker.equals(attackers.requester()) ? List.of(403) : List.of(200));
                assertThat(page.body()).as(attacker + " " + open).doesNotContain(theirs.secretsBeyond(open));
            }
            HttpResponse<String> overview = session.get("/overblik");
            assertThat(overview.statusCode()).as(attacker + " /overblik").isEqualTo(attacker.equals(attackers.coordinator()) ? 200 : 403);
            assertThat(overview.body()).as(attacker + " /overblik").doesNotContain(theirs.secrets()).doesNotContain(theirs.title());

            posts(theirs, attacker).forEach((action, fields) -> {
                HttpResponse<String> refused = session.postForm("/anmodninger/ny", action, fields);
                assertThat(refused.statusCode()).as(attacker + " POST " + action).isIn(403, 404);
                assertThat(refused.body()).as(attacker + " POST " + action).doesNotContain(theirs.secretsBeyond(action));
            });
        }

        assertThat(session("admin").get("/admin/mails").statusCode()).as("the mail log, the administrator's").isEqualTo(200);
        assertThat(victim.rows(jdbc, theirs)).as(victim.id() + "'s rows after the attacks").isEqualTo(before);
    }

    /** The pages of what the victim's people made, which its coordinator opens. */
    private static List<String> pages(Made theirs) {
        String request = "/anmodninger/" + theirs.approved();
        return List.of(request, request + "/kvittering", request + "/rapport.pdf", request + "/bilag/" + theirs.attachment(),
                request + "/proces.bpmn", request + "/betingelser/" + theirs.condition(), "/anmodninger/" + theirs.inScreening(),
                "/anmodninger/" + theirs.demoRequest(),
                "/opgaver/" + theirs.triageTask(), "/systemer/" + theirs.system(), "/systemer/" + theirs.system() + "/databehandlere",
                "/systemer/" + theirs.system() + "/databehandlere/" + theirs.processor());
    }

    /** The forms that would change what the victim's people made, each with fields a form of the page would send. */
    private static Map<String, String> posts(Made theirs, String attacker) {
        String condition = "/anmodninger/" + theirs.approved() + "/betingelser/" + theirs.condition();
        Map<String, String> posts = new LinkedHashMap<>();
        posts.put("/opgaver/" + theirs.triageTask() + "/tag", "");
        posts.put("/opgaver/" + theirs.screeningTask() + "/tag", "");
        posts.put("/opgaver/" + theirs.triageTask() + "/giv", "assignee=" + attacker);
        posts.put("/opgaver/" + theirs.triageTask(), "outcome=ACCEPT");
        posts.put("/anmodninger/" + theirs.inTriage() + "/traek-tilbage", "reason=Angreb");
        posts.put("/anmodninger/" + theirs.inTriage() + "/leverandoer/kontakt", "name=Angriber&email=angriber%40example.com");
        posts.put("/anmodninger/" + theirs.inScreening() + "/leverandoer/invitation", "email=angriber%40example.com");
        posts.put(condition + "/meld", "text=Klaret");
        posts.put(condition + "/verificer", "");
        posts.put(condition + "/frafald", "reason=Angreb");
        posts.put("/systemer/" + theirs.system(), "name=Overtaget&vendor=Angriber+A%2FS");
        posts.put("/systemer/" + theirs.system() + "/udfas", "");
        posts.put("/systemer/" + theirs.system() + "/databehandlere/" + theirs.processor() + "/fjern", "");
        posts.put("/admin/kommuner/" + theirs.of().id(), "name=Overtaget&sharedAreas=SECURITY");
        return posts;
    }

    /** A page as a browser ends up showing it, after the redirects it is sent on (the start page's, for one). */
    private static HttpResponse<String> followed(WebSession session, String path) {
        HttpResponse<String> page = session.get(path);
        for (int hops = 0; hops < 3 && page.statusCode() == 302; hops++) {
            page = session.get(java.net.URI.create(page.headers().firstValue("Location").orElseThrow()).getRawPath());
        }
        return page;
    }

    private WebSession session(String user) {
        WebSession session = new WebSession(port);
        assertThat(session.login(user)).as(user + "'s login").doesNotContain("error");
        return session;
    }
}
