package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

class OidcGroupsMapperTest {

    private static final String ENTRA_COORDINATORS = "3f1c0a52-8e0b-4c47-9d1e-5b6a0c2f7e11";
    private static final Set<String> MUNICIPAL = Set.of(Groups.ofMunicipalities());

    @Test
    void theConfiguredClaimBecomesOurGroupsThroughTheMapping() {
        OidcGroupsMapper mapper = new OidcGroupsMapper("roles", Map.of(ENTRA_COORDINATORS, Groups.COORDINATORS), MUNICIPAL);

        assertThat(mapper.groups(idToken(Map.of("roles", List.of(ENTRA_COORDINATORS, "screening-security"),
                "groups", List.of("ignored")))))
                .containsExactly(Groups.COORDINATORS, "screening-security");
    }

    @Test
    void valuesThatAreNoneOfOurGroupsAreLeftOut() {
        OidcGroupsMapper mapper = new OidcGroupsMapper("groups",
                Map.of("Alle-medarbejdere", "alle", ENTRA_COORDINATORS, "ROLE_ADMIN"), MUNICIPAL);

        assertThat(mapper.groups(idToken(Map.of("groups",
                List.of("Alle-medarbejdere", ENTRA_COORDINATORS, "Camunda-Admin", "staff ", "staff")))))
                .containsExactly(Groups.STAFF);
    }

    @Test
    void aMunicipalitysTokenNamesNoMunicipalityNorTheSharedOrganisationNeitherDirectlyNorThroughTheMapping() {
        OidcGroupsMapper mapper = new OidcGroupsMapper("groups", Map.of("Faellesskab", Groups.SHARED_ORGANISATION,
                "Nordby", "municipality:nordby"), MUNICIPAL);

        assertThat(mapper.groups(idToken(Map.of("groups", List.of("municipality:nordby", Groups.SHARED_ORGANISATION,
                "Faellesskab", "Nordby", Area.INSTALLATION.sharedCandidateGroup(), Groups.STAFF)))))
                .containsExactly(Groups.STAFF);
    }

    @Test
    void aTokenWithoutTheClaimGivesNoGroups() {
        OidcGroupsMapper mapper = new OidcGroupsMapper("groups", Map.of(), MUNICIPAL);

        assertThat(mapper.groups(idToken(Map.of("roles", List.of("coordinators"))))).isEmpty();
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        return OidcIdToken.withTokenValue("token")
                .subject("anna@kommune.example")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .claims(all -> all.putAll(claims))
                .build();
    }
}
