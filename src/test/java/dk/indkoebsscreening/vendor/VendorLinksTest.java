package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The vendor's links: random tokens stored as hashes, and what a token leads to. */
class VendorLinksTest extends VendorTestBase {

    @Autowired
    InstallationProperties installation;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyMailGetsItsOwnTokenAndOnlyItsHashIsStored() throws Exception {
        UUID requestId = inScreening("Links");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);

        String link = links.mint(invited.id());
        String token = link.substring(link.lastIndexOf('/') + 1);
        String another = token(invited.id());

        assertThat(link).startsWith("http").contains("/leverandoer/adgang/" + token);
        assertThat(Base64.getUrlDecoder().decode(token)).as("256 random bits").hasSize(32);
        assertThat(another).isNotEqualTo(token);
        assertThat(links.check(token)).isEqualTo(new LinkCheck.Valid(invited));
        assertThat(links.check(another)).isEqualTo(new LinkCheck.Valid(invited));

        List<byte[]> stored = jdbc.sql("select token_hash from vendor_link_token where invitation_id = ?").param(invited.id())
                .query(byte[].class).list();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertThat(stored).extracting(HexFormat.of()::formatHex).containsExactlyInAnyOrder(
                HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII))),
                HexFormat.of().formatHex(sha256.digest(another.getBytes(StandardCharsets.US_ASCII))));
        String everything = jdbc.sql("select string_agg(t::text, ' ') from vendor_link_token t").query(String.class).single()
                + jdbc.sql("select string_agg(h::text, ' ') from case_history h where request_id = ?").param(requestId).query(String.class).single()
                + jdbc.sql("select string_agg(i::text, ' ') from vendor_invitation i").query(String.class).single();
        assertThat(everything).doesNotContain(token).doesNotContain(another)
                .doesNotContain(HexFormat.of().formatHex(Base64.getUrlDecoder().decode(token)));
    }

    @Test
    void aMalformedOrUnknownTokenLeadsNowhereAndNamesNoMunicipality() {
        LinkCheck.Refused unknown = LinkCheck.Refused.unknown();
        String wellFormed = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        for (String token : new String[] {null, "", "abc", wellFormed + "A", wellFormed.substring(1) + "!", wellFormed.substring(1) + "=",
                "../../" + wellFormed.substring(6), wellFormed}) {
            assertThat(links.check(token)).as(String.valueOf(token)).isEqualTo(unknown);
        }
    }

    @Test
    void aRevokedOrExpiredLinkIsRefusedWithTheMunicipalitysName() {
        UUID requestId = inScreening("Afviste links");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        String token = token(invited.id());

        ClockUtil.setCurrentTime(Date.from(invited.expiresAt().minus(Duration.ofMinutes(1))));
        assertThat(links.check(token)).isInstanceOf(LinkCheck.Valid.class);
        ClockUtil.setCurrentTime(Date.from(invited.expiresAt()));
        LinkCheck expired = links.check(token);
        ClockUtil.reset();
        assertThat(expired).as("expired before the job marks it").isEqualTo(new LinkCheck.Refused(Refusal.EXPIRED, installation.municipality(), invited.language(), EXPERT));
        assertThat(state(invited.id())).isEqualTo("OPEN");

        assertThat(links.current(invited.id())).as("the vendor's session").isEqualTo(new LinkCheck.Valid(invited));
        invitations.revoke(requestId, invited.id(), EXPERT);
        assertThat(links.check(token)).isEqualTo(new LinkCheck.Refused(Refusal.REVOKED, installation.municipality(), invited.language(), EXPERT));
        assertThat(links.current(invited.id())).isEqualTo(new LinkCheck.Refused(Refusal.REVOKED, installation.municipality(), invited.language(), EXPERT));
        assertThat(links.current(UUID.randomUUID())).isEqualTo(LinkCheck.Refused.unknown());

        VendorInvitation next = invitations.invite(requestId, invite("Could you answer again?"), EXPERT);
        assertThat(links.check(token)).as("a revoked round's link stays refused in the next round")
                .isEqualTo(new LinkCheck.Refused(Refusal.REVOKED, installation.municipality(), invited.language(), EXPERT));
        assertThat(links.check(token(next.id()))).isEqualTo(new LinkCheck.Valid(next));
    }

    @Test
    void aSubmittedRoundStaysReadableThroughItsLink() {
        UUID requestId = inScreening("Sendt og læsbar");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        String token = token(invited.id());
        answers.save(invited.id(), Map.of("iso27001", "NO"));
        answers.submit(invited.id());

        assertThat(links.check(token)).isInstanceOfSatisfying(LinkCheck.Valid.class,
                valid -> assertThat(valid.invitation().state()).isEqualTo(InvitationState.SUBMITTED));
    }

    @Test
    void checkingChangesNothingAndOpeningIsInTheHistoryWithoutTheToken() {
        UUID requestId = inScreening("Åbnet");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        String token = token(invited.id());
        long historyBefore = rows("case_history", requestId);

        links.check(token);
        links.check(token);
        assertThat(rows("case_history", requestId)).isEqualTo(historyBefore);
        assertThat(invitations.latest(requestId).orElseThrow().openedAt()).isNull();

        links.opened(invited.id());
        links.opened(invited.id());

        assertThat(history(requestId, HistoryKind.VENDOR_OPENED)).containsExactly("Leverandøren (Jane Doe)", "Leverandøren (Jane Doe)");
        VendorInvitation opened = invitations.latest(requestId).orElseThrow();
        assertThat(opened.openedAt()).as("the first time").isNotNull();
        assertThat(jdbc.sql("select count(*) from case_history where request_id = ? and (coalesce(text, '') like ? or coalesce(value, '') like ?)")
                .param(requestId).param("%" + token + "%").param("%" + token + "%").query(Long.class).single()).isZero();
    }

    @Test
    void noLinkIsMintedForARoundThatHasEndedSoItsWaitingMailIsNotSent() {
        UUID requestId = inScreening("Intet link efter afslutning");
        VendorInvitation submitted = invitations.invite(requestId, invite(), EXPERT);
        answers.save(submitted.id(), Map.of("iso27001", "YES"));
        answers.submit(submitted.id());
        assertThat(links.mint(submitted.id())).as("a submitted round stays readable until it expires").contains(VendorLinks.PATH);

        ClockUtil.setCurrentTime(Date.from(submitted.expiresAt()));
        assertThatThrownBy(() -> links.mint(submitted.id())).as("expired before the job marks it")
                .isInstanceOfSatisfying(LinkRefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.EXPIRED));
        ClockUtil.reset();

        VendorInvitation revoked = invitations.invite(requestId, invite("One more thing?"), EXPERT);
        invitations.revoke(requestId, revoked.id(), EXPERT);
        assertThatThrownBy(() -> links.mint(revoked.id()))
                .isInstanceOfSatisfying(LinkRefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.REVOKED));
        assertThat(jdbc.sql("select count(*) from vendor_link_token where invitation_id = ?").param(revoked.id()).query(Long.class).single())
                .isZero();
        assertThatThrownBy(() -> links.mint(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }
}
