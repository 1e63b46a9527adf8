package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Invitations with a link for the vendor's tests, and what the database holds of them (to show nothing changed). */
final class VendorSessions {

    static final String LANDING = VendorLinks.PATH;
    static final String QUESTIONNAIRE = "/leverandoer/spoergeskema";
    static final String CONTACT = "lise@leverandoer.example";

    private final VendorInvitations invitations;
    private final VendorLinks links;
    private final JdbcClient jdbc;
    private final int port;

    VendorSessions(VendorInvitations invitations, VendorLinks links, JdbcClient jdbc, int port) {
        this.invitations = invitations;
        this.links = links;
        this.jdbc = jdbc;
        this.port = port;
    }

    /** An open first round of a request, in the given language, invited by the coordinator. */
    VendorInvitation invite(String requestId, VendorLanguage language) {
        return invitations.invite(UUID.fromString(requestId),
                new Invite("Lise Leverandør", CONTACT, language, List.of()), "koordinator");
    }

    /** A new token of the invitation (as a mail would carry it). */
    String token(VendorInvitation invitation) {
        String link = links.mint(invitation.id());
        return link.substring(link.indexOf(LANDING) + LANDING.length());
    }

    /** A browser that has exchanged the token for a vendor's session. */
    WebSession open(String token) {
        WebSession browser = new WebSession(port);
        HttpResponse<String> exchanged = exchange(browser, token);
        if (exchanged.statusCode() != 303) {
            throw new AssertionError("Exchange failed: " + exchanged.statusCode() + " " + exchanged.body());
        }
        return browser;
    }

    HttpResponse<String> exchange(WebSession browser, String token) {
        return browser.postForm(LANDING + token, "/leverandoer/adgang", "token=" + token);
    }

    /**
     * Rows that any vendor action would add or change: answers, files, the rounds, and the request's vendor history,
     * vendor events and mails to the vendor (the request's own process goes on meanwhile, writing its own).
     */
    Map<String, Object> state(String requestId) {
        UUID id = UUID.fromString(requestId);
        return Map.of(
                "answers", jdbc.sql("select count(*) || ':' || coalesce(string_agg(value, '|' order by question_id), '') "
                        + "from vendor_answer a join vendor_invitation i on i.id = a.invitation_id where i.request_id = ?")
                        .param(id).query(String.class).single(),
                "documents", jdbc.sql("select count(*) from vendor_document d join vendor_invitation i on i.id = d.invitation_id "
                        + "where i.request_id = ?").param(id).query(Long.class).single(),
                "attachments", jdbc.sql("select count(*) from attachment where request_id = ?").param(id).query(Long.class).single(),
                "invitations", jdbc.sql("select string_agg(state || coalesce(opened_at::text, '-') || coalesce(submitted_at::text, '-'), ',' "
                        + "order by round) from vendor_invitation where request_id = ?").param(id).query(String.class).single(),
                "history", jdbc.sql("select count(*) from case_history where request_id = ? and kind like 'VENDOR%'")
                        .param(id).query(Long.class).single(),
                "events", jdbc.sql("select count(*) from outbox_event where request_id = ? and type like '%vendor%'")
                        .param(id).query(Long.class).single(),
                "mails", jdbc.sql("select count(*) from mail_outbox where request_id = ? and recipient = ?")
                        .param(id).param(CONTACT).query(Long.class).single());
    }
}
