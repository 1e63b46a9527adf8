package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class OidcGroupsMapperTest {

    private static final String ENTRA_COORDINATORS = "3f1c0a52-8e0b-4c47-9d1e-5b6a0c2f7e11";

    @Test
    void theConfiguredClaimBecomesOurGroupsThroughTheMapping() {
        OidcGroupsMapper mapper = new OidcGroupsMapper(new OidcProperties(true, null, "roles",
                Map.of(ENTRA_COORDINATORS, Groups.COORDINATORS)));

        List<String> groups = mapper.mapAuthorities(List.of(
                        idToken(Map.of("roles", List.of(ENTRA_COORDINATORS, "screening-security"),
                                "groups", List.of("ignored"))),
                        new SimpleGrantedAuthority("SCOPE_openid")))
                .stream().map(GrantedAuthority::getAuthority).toList();

        assertThat(groups).containsExactly(Groups.COORDINATORS, "screening-security");
    }

    @Test
    void valuesThatAreNoneOfOurGroupsAreLeftOut() {
        OidcGroupsMapper mapper = new OidcGroupsMapper(new OidcProperties(true, null, null,
                Map.of("Alle-medarbejdere", "alle", ENTRA_COORDINATORS, "ROLE_ADMIN")));

        List<String> groups = mapper.mapAuthorities(List.of(idToken(Map.of("groups",
                        List.of("Alle-medarbejdere", ENTRA_COORDINATORS, "Camunda-Admin", "staff ", "staff")))))
                .stream().map(GrantedAuthority::getAuthority).toList();

        assertThat(groups).containsExactly(Groups.STAFF);
    }

    @Test
    void aTokenWithoutTheClaimGivesNoGroups() {
        OidcGroupsMapper mapper = new OidcGroupsMapper(new OidcProperties(true, null, null, null));

        assertThat(mapper.mapAuthorities(List.of(idToken(Map.of("roles", List.of("coordinators")))))).isEmpty();
    }

    private static OidcUserAuthority idToken(Map<String, Object> claims) {
        OidcIdToken token = OidcIdToken.withTokenValue("token")
                .subject("anna@kommune.example")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .claims(all -> all.putAll(claims))
                .build();
        return new OidcUserAuthority(token);
    }
}
