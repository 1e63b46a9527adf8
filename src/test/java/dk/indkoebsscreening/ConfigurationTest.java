package dk.indkoebsscreening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * The shipped configuration as a start reads it, without starting the application: every typed settings class
 * bound and validated from {@code application.yml} (production) or with {@code application-demo.yml} over it
 * (the demo), and the start-up check of the settings production must give. A failure is read as Spring Boot
 * reports it at start-up, through the failure analyzers.
 */
class ConfigurationTest {

    /** The settings a production start is given (as an operator would, e.g. in environment variables). */
    private static final String[] PRODUCTION = {
            "spring.datasource.url=jdbc:postgresql://db:5432/indkoebsscreening",
            "spring.kafka.bootstrap-servers=kafka:9092",
            "spring.mail.host=smtp.kommune.dk",
            "camunda.bpm.admin-user.id=admin",
            "camunda.bpm.admin-user.password=hemmeligt",
            "indkoeb.public-base-url=https://indkoeb.kommune.dk",
            "indkoeb.municipality=Aarhus Kommune",
            "indkoeb.events.source=urn:indkoebsscreening:aarhus-kommune",
            "indkoeb.notifications.from=Indkøbsscreening <indkoebsscreening@aarhus.dk>"};

    /** Every typed settings class of the application and the start-up check, over the shipped YAML files. */
    private static ApplicationContextRunner start(String... profileFiles) {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(SettingsOnly.class)
                .withInitializer(context -> {
                    var sources = context.getEnvironment().getPropertySources();
                    // Later files win, as a profile's file wins over application.yml; its profile is active, as the
                    // demo's run command makes it.
                    for (String file : profileFiles) {
                        yaml(file).forEach(sources::addLast);
                        context.getEnvironment().addActiveProfile(file.replaceAll("^application-|\\.yml$", ""));
                    }
                    yaml("application.yml").forEach(sources::addLast);
                    yaml("checklists.yml").forEach(sources::addLast);
                });
        return runner;
    }

    private static List<org.springframework.core.env.PropertySource<?>> yaml(String file) {
        try {
            return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aProductionStartWithoutItsSettingsStopsNamingEveryMissingKey() {
        start().run(context -> {
            assertThat(context).hasFailed();
            String analysis = analysis(context.getStartupFailure());
            assertThat(analysis).contains("spring.datasource.url (SPRING_DATASOURCE_URL)",
                    "spring.kafka.bootstrap-servers (SPRING_KAFKA_BOOTSTRAP_SERVERS)", "spring.mail.host (SPRING_MAIL_HOST)",
                    "indkoeb.oidc.enabled: nobody can sign in", "indkoeb.public-base-url (INDKOEB_PUBLIC_BASE_URL)",
                    "-Dspring-boot.run.profiles=demo");
        });
    }

    @Test
    void aProductionStartWithItsSettingsBindsEverySettingWithoutEmbeddedServicesOrDemoUsers() {
        start().withPropertyValues(PRODUCTION).run(context -> {
            assertThat(context).hasNotFailed();
            var environment = context.getEnvironment();
            assertThat(environment.getProperty("indkoeb.embedded-postgres.enabled")).isEqualTo("false");
            assertThat(environment.getProperty("indkoeb.embedded-kafka.enabled")).isEqualTo("false");
            assertThat(environment.getProperty("indkoeb.embedded-smtp.enabled")).isEqualTo("false");
            assertThat(environment.getProperty("indkoeb.demo.enabled")).isEqualTo("false");
            assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        });
    }

    @Test
    void theDemoNeedsNoSettingsAndRunsEverythingInside() {
        start("application-demo.yml").run(context -> {
            assertThat(context).hasNotFailed();
            var environment = context.getEnvironment();
            assertThat(environment.getProperty("indkoeb.embedded-postgres.enabled")).isEqualTo("true");
            assertThat(environment.getProperty("indkoeb.embedded-kafka.enabled")).isEqualTo("true");
            assertThat(environment.getProperty("indkoeb.embedded-smtp.enabled")).isEqualTo("true");
            assertThat(environment.getProperty("indkoeb.demo.enabled")).isEqualTo("true");
        });
    }

    @Test
    void theDemoUsersComeOnlyWithTheDemoProfile() {
        start().withPropertyValues(PRODUCTION).withPropertyValues("indkoeb.demo.enabled=true")
                .run(context -> assertThat(analysis(context.getStartupFailure()))
                        .contains("indkoeb.demo.enabled (INDKOEB_DEMO_ENABLED)"));
    }

    @Test
    void signingInThroughOpenIdConnectNeedsTheClientRegistration() {
        start().withPropertyValues(PRODUCTION).withPropertyValues("camunda.bpm.admin-user.id=", "indkoeb.oidc.enabled=true")
                .run(context -> assertThat(analysis(context.getStartupFailure()))
                        .contains("spring.security.oauth2.client.registration.entra.client-id"));
    }

    @Test
    void aFirstAdministratorNeedsAPassword() {
        start().withPropertyValues(PRODUCTION).withPropertyValues("camunda.bpm.admin-user.password=")
                .run(context -> assertThat(analysis(context.getStartupFailure()))
                        .contains("camunda.bpm.admin-user.password (CAMUNDA_BPM_ADMIN_USER_PASSWORD)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "indkoeb.municipality=                          | indkoeb.municipality",
            "indkoeb.notifications.from=                    | indkoeb.notifications.from",
            "indkoeb.events.relay.poll-interval=-1s         | indkoeb.events.relay.poll-interval",
            "indkoeb.notifications.relay.first-retry=0s     | indkoeb.notifications.relay.first-retry",
            "indkoeb.events.outbox-retention.keep-published=-30d | indkoeb.events.outbox-retention.keep-published",
            "indkoeb.overview.max-age=-1s                   | indkoeb.overview.max-age",
            "indkoeb.overview.kept-warm=-1m                 | indkoeb.overview.kept-warm",
            "indkoeb.absence.check-interval=0s              | indkoeb.absence.check-interval",
            "indkoeb.security.authentication-cache=-5s      | indkoeb.security.authentication-cache",
            "indkoeb.security.login-throttle.max-delay=0s   | indkoeb.security.login-throttle.max-delay",
            "indkoeb.attachments.max-file-size=0B           | indkoeb.attachments.max-file-size",
            "indkoeb.attachments.max-files-per-request=-1   | indkoeb.attachments.max-files-per-request",
            "indkoeb.events.topics.partitions=0             | indkoeb.events.topics.partitions",
            "indkoeb.embedded-kafka.port=70000              | indkoeb.embedded-kafka.port",
            "indkoeb.public-base-url=https://x.dk/indkoeb   | indkoeb.public-base-url",
            "indkoeb.accessibility.statement-url=not a url  | indkoeb.accessibility.statement-url",
            "indkoeb.procurement.thresholds[0].light-regime-dkk=-1 | indkoeb.procurement.thresholds[0].light-regime-dkk"})
    void aWrongValueStopsTheStartNamingItsKey(String setting, String key) {
        start().withPropertyValues(PRODUCTION).withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(analysis(context.getStartupFailure())).contains("Property: " + key);
        });
    }

    /** What Spring Boot prints when the start fails: the first failure analyzer's description and action. */
    private static String analysis(Throwable failure) {
        assertThat(failure).isNotNull();
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(ConfigurationTest.class.getClassLoader())
                .load(FailureAnalyzer.class, FailureHandler.handleMessage((message, cause) -> { }));
        return analyzers.stream().map(analyzer -> analyzer.analyze(failure)).filter(Objects::nonNull).findFirst()
                .map(analysis -> analysis.getDescription() + "\n" + analysis.getAction())
                .orElseThrow(() -> new AssertionError("no failure analysis for", failure));
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan
    @ComponentScan(useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.system\\.RequiredSettings"))
    static class SettingsOnly {
    }
}
