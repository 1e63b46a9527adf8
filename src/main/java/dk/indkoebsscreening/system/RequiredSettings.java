package dk.indkoebsscreening.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * What a start outside the demo must be told: the database, the Kafka cluster, the mail relay, how people sign
 * in and the address they reach the application at. Checked before any bean is made, so a start that lacks one
 * names every missing key at once ({@link MissingSettingsFailureAnalyzer}) instead of failing later, one at a
 * time, deep in a connection pool or a mail sender. The demo profile's embedded services and users stand in
 * for the first four. The demo users (all with the password "demo") come only with the demo profile: a start without
 * it that switches them on by their key alone is stopped, not run with them.
 */
@Component
class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    List<String> missing() {
        List<String> missing = new ArrayList<>();
        boolean demo = isOn("indkoeb.demo.enabled");
        if (demo && !environment.acceptsProfiles(Profiles.of("demo"))) {
            missing.add("indkoeb.demo.enabled (INDKOEB_DEMO_ENABLED): the demo users, whose password is \"demo\", come only"
                    + " with the demo profile; leave it out, or start the demo");
        }
        if (!isOn("indkoeb.embedded-postgres.enabled")) {
            require(missing, "spring.datasource.url", "the PostgreSQL database, e.g. jdbc:postgresql://db:5432/indkoebsscreening");
        }
        if (!isOn("indkoeb.embedded-kafka.enabled")) {
            require(missing, "spring.kafka.bootstrap-servers", "the Kafka cluster, e.g. kafka-1:9092,kafka-2:9092");
        }
        if (!isOn("indkoeb.embedded-smtp.enabled")) {
            require(missing, "spring.mail.host", "the municipality's mail relay");
        }
        if (isOn("indkoeb.oidc.enabled")) {
            // The installation's municipality's provider: its own entry among the municipalities', else the single one.
            String registration = environment.getProperty("indkoeb.oidc.municipalities."
                            + environment.getProperty("indkoeb.municipality-id", "kommune") + ".registration-id",
                    environment.getProperty("indkoeb.oidc.registration-id", "entra"));
            require(missing, "spring.security.oauth2.client.registration." + registration + ".client-id",
                    "the application's client at the OpenID provider (docs/oidc.md)");
        } else if (!demo && !isSet("camunda.bpm.admin-user.id")) {
            missing.add("indkoeb.oidc.enabled: nobody can sign in. Set indkoeb.oidc.enabled=true with the OpenID provider"
                    + " (docs/oidc.md), or camunda.bpm.admin-user.id and camunda.bpm.admin-user.password for a first"
                    + " administrator, who creates the users in Camunda Admin");
        }
        if (isSet("camunda.bpm.admin-user.id")) {
            // Without it Camunda makes the administrator's password the user id.
            require(missing, "camunda.bpm.admin-user.password", "the first administrator's password");
        }
        if (!demo) {
            require(missing, "indkoeb.public-base-url", "the address users reach the application at, for links in mails"
                    + " and redirects, e.g. https://indkoeb.kommune.dk");
        }
        return missing;
    }

    private void require(List<String> missing, String key, String what) {
        if (!isSet(key)) {
            missing.add(key + " (" + environmentVariable(key) + "): " + what);
        }
    }

    private boolean isSet(String key) {
        return StringUtils.hasText(environment.getProperty(key));
    }

    private boolean isOn(String key) {
        return environment.getProperty(key, Boolean.class, false);
    }

    private static String environmentVariable(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
