package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.security.SignOnProviders.SignOn;
import dk.indkoebsscreening.system.InstallationProperties;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * The settings of one OpenID provider per municipality as a start reads them ({@link SignOnProviders}): which
 * registration signs in for which municipality, which e-mail domain leads where, and the settings that would make either
 * ambiguous, which stop the start with a report naming them (read through the failure analyzers, as Spring Boot prints
 * it).
 */
class SignOnSettingsTest {

    /** The installation's municipality as an installation of one configures it, plus Sydby with its own provider. */
    private static final String[] TWO_MUNICIPALITIES = Stream.concat(Stream.of(
                    "indkoeb.municipality=Nordby Kommune",
                    "indkoeb.municipality-id=nordby",
                    "indkoeb.oidc.enabled=true",
                    "indkoeb.oidc.registration-id=nordby",
                    "indkoeb.oidc.email-domains=nordby.dk",
                    "indkoeb.oidc.issuer=https://login.example/nordby/v2.0",
                    "indkoeb.oidc.municipalities.sydby.registration-id=sydby",
                    "indkoeb.oidc.municipalities.sydby.issuer=https://login.example/sydby/v2.0",
                    "indkoeb.oidc.municipalities.sydby.email-domains=sydby.dk, @Sydby-Skoler.dk",
                    "indkoeb.oidc.municipalities.sydby.groups-claim=roles",
                    "indkoeb.oidc.municipalities.sydby.group-mapping.Indkoeb-Koordinator=coordinators"),
            Stream.of("nordby", "sydby", "vestby").flatMap(SignOnSettingsTest::registration)).toArray(String[]::new);

    private final ApplicationContextRunner start = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
            .withUserConfiguration(SignOnOnly.class)
            .withPropertyValues(TWO_MUNICIPALITIES);

    /** A registration with its endpoints given, so that nothing is discovered over the network. */
    private static Stream<String> registration(String id) {
        String provider = "https://login.example/" + id;
        return Stream.of(
                "spring.security.oauth2.client.registration." + id + ".client-id=indkoebsscreening",
                "spring.security.oauth2.client.registration." + id + ".authorization-grant-type=authorization_code",
                "spring.security.oauth2.client.registration." + id + ".scope=openid",
                "spring.security.oauth2.client.registration." + id + ".redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                "spring.security.oauth2.client.provider." + id + ".authorization-uri=" + provider + "/authorize",
                "spring.security.oauth2.client.provider." + id + ".token-uri=" + provider + "/token",
                "spring.security.oauth2.client.provider." + id + ".jwk-set-uri=" + provider + "/keys");
    }

    @Test
    void eachMunicipalityHasItsRegistrationIssuerAndDomainsAndTheInstallationsComesFromTheSingleSettings() {
        start.run(context -> {
            assertThat(context).hasNotFailed();
            SignOnProviders providers = context.getBean(SignOnProviders.class);
            assertThat(providers.all()).containsExactly(
                    new SignOn("nordby", false, "nordby", "https://login.example/nordby/v2.0", List.of("nordby.dk")),
                    new SignOn("sydby", false, "sydby", "https://login.example/sydby/v2.0", List.of("sydby.dk", "sydby-skoler.dk")));
            assertThat(providers.forEmail(" Sofie.Soerensen@SYDBY-skoler.dk ")).map(SignOn::organisation).hasValue("sydby");
            assertThat(providers.forEmail("anna@nordby.dk")).map(SignOn::loginUrl).hasValue("/oauth2/authorization/nordby");
            assertThat(providers.forEmail("anna@sydby.dk.example")).isEmpty();
            assertThat(providers.forEmail("sydby.dk")).isEmpty();
            assertThat(providers.groupsOf(providers.byRegistration("sydby").orElseThrow()).groupMapping())
                    .containsEntry("Indkoeb-Koordinator", Groups.COORDINATORS);
        });
    }

    @Test
    void aRegistrationNamedForTwoMunicipalitiesStopsTheStart() {
        start.withPropertyValues("indkoeb.oidc.municipalities.vestby.registration-id=sydby").run(context ->
                assertThat(analysis(context.getStartupFailure())).contains("indkoeb.oidc.municipalities.vestby.registration-id:"
                        + " the registration \"sydby\" is already sydby's; a registration signs people in for one organisation only",
                        "docs/oidc.md"));
    }

    @Test
    void anEmailDomainNamedForTwoMunicipalitiesStopsTheStart() {
        start.withPropertyValues("indkoeb.oidc.municipalities.vestby.registration-id=vestby",
                "indkoeb.oidc.municipalities.vestby.issuer=https://login.example/vestby/v2.0",
                "indkoeb.oidc.municipalities.vestby.email-domains=vestby.dk,SYDBY.dk").run(context ->
                assertThat(analysis(context.getStartupFailure())).contains("indkoeb.oidc.municipalities.vestby.email-domains:"
                        + " \"sydby.dk\" is named for sydby too; an e-mail domain leads to one organisation's login"));
    }

    @Test
    void aMunicipalityIdThatIsNoTenantIdStopsTheStart() {
        start.withPropertyValues("indkoeb.oidc.municipalities[Vest_by].registration-id=vestby",
                "indkoeb.oidc.municipalities[Vest_by].issuer=https://login.example/vestby/v2.0").run(context ->
                assertThat(analysis(context.getStartupFailure())).contains("indkoeb.oidc.municipalities.Vest_by: \"Vest_by\" is no"
                        + " municipality id (lower-case letters a-z, digits and hyphens, e.g. sydby)"));
    }

    @Test
    void aRegistrationThatIsMissingOrNamesNoIssuerStopsTheStartNamingEach() {
        start.withPropertyValues("indkoeb.oidc.municipalities.vestby.registration-id=vestbyy",
                "indkoeb.oidc.municipalities.sydby.issuer=").run(context ->
                assertThat(analysis(context.getStartupFailure())).contains(
                        "indkoeb.oidc.municipalities.sydby.issuer: the registration \"sydby\" has no issuer-uri",
                        "indkoeb.oidc.municipalities.vestby.registration-id: there is no"
                                + " spring.security.oauth2.client.registration.vestbyy.*"));
    }

    /** What Spring Boot prints when the start fails: the first failure analyzer's description and action. */
    private static String analysis(Throwable failure) {
        assertThat(failure).isNotNull();
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(SignOnSettingsTest.class.getClassLoader())
                .load(FailureAnalyzer.class, FailureHandler.handleMessage((message, cause) -> { }));
        return analyzers.stream().map(analyzer -> analyzer.analyze(failure)).filter(Objects::nonNull).findFirst()
                .map(analysis -> analysis.getDescription() + "\n" + analysis.getAction())
                .orElseThrow(() -> new AssertionError("no failure analysis for", failure));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(InstallationProperties.class)
    @Import(SignOnProviders.class)
    static class SignOnOnly {
    }
}
