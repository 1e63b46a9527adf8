package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** The vendor module's services against the whole application and its database. */
abstract class VendorTestBase extends ApiTestBase {

    static final String EXPERT = "sikkerhed";

    @Autowired
    VendorInvitations invitations;

    @Autowired
    VendorLinks links;

    @Autowired
    VendorAnswers answers;

    static Invite invite(String... followUps) {
        return new Invite("Jane Doe", "jane.doe@vendor.example", VendorLanguage.EN, List.of(followUps));
    }

    /** A request in screening (personal data: every area screens it), as its id. */
    UUID inScreening(String title) {
        return UUID.fromString(lifecycle.submitAndAccept("anna", title));
    }

    long rows(String table, UUID requestId) {
        return jdbc.sql("select count(*) from " + table + " where request_id = ?").param(requestId).query(Long.class).single();
    }

    long vendorRows(String table, UUID invitationId) {
        return jdbc.sql("select count(*) from " + table + " where invitation_id = ?").param(invitationId).query(Long.class).single();
    }

    List<String> history(UUID requestId, HistoryKind kind) {
        return jdbc.sql("select coalesce(actor, '') from case_history where request_id = ? and kind = ? order by id")
                .param(requestId).param(kind.name()).query(String.class).list();
    }

    String state(UUID invitationId) {
        return jdbc.sql("select state from vendor_invitation where id = ?").param(invitationId).query(String.class).single();
    }

    /** The token of a link minted for the invitation. */
    String token(UUID invitationId) {
        String link = links.mint(invitationId);
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
