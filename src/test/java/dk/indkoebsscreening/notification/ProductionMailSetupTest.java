package dk.indkoebsscreening.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.mail.MailHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Production's mail set-up with Spring Boot's own auto-configuration: no SMTP server inside the application,
 * {@code spring.mail.*} alone names the municipality's relay (here a real SMTP server the test runs), and
 * Boot's connection probe does not replace the "mail" health of the outbox. Checked without the whole
 * application: a second application context in the test JVM would share Camunda's static engine registry.
 */
class ProductionMailSetupTest {

    private final EmbeddedSmtpServer relay = new EmbeddedSmtpServer(0);

    @BeforeEach
    void startRelay() {
        relay.start();
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
    }

    @Test
    void springMailAloneNamesTheRelayAndTheOutboxKeepsTheMailHealth() throws Exception {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
                        MailHealthContributorAutoConfiguration.class))
                .withUserConfiguration(SmtpConfigurationImport.class)
                .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + relay.port(),
                        "indkoeb.embedded-smtp.enabled=false", "management.health.mail.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedSmtpServer.class)
                            .doesNotHaveBean("mailHealthContributor");
                    JavaMailSender sender = context.getBean(JavaMailSender.class);
                    assertThat(sender).isInstanceOf(JavaMailSenderImpl.class);
                    assertThat(((JavaMailSenderImpl) sender).getPort()).isEqualTo(relay.port());
                    MimeMessage message = sender.createMimeMessage();
                    message.setFrom("indkoebsscreening@demo.kommune.dk");
                    message.setRecipients(MimeMessage.RecipientType.TO, "koordinator@demo.kommune.dk");
                    message.setSubject("Prøve");
                    message.setText("Hej");
                    sender.send(message);
                });
        assertThat(relay.received()).extracting(MimeMessage::getSubject).containsExactly("Prøve");
    }

    /** The application's embedded-SMTP configuration, as the application scans it. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = EmbeddedSmtpServer.class)
    static class SmtpConfigurationImport {
    }
}
