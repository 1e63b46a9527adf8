package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.municipality.Municipalities;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    /** The relay; off ({@code indkoeb.notifications.relay.enabled=false}) for instances that must not send mail. */
    @Bean
    @ConditionalOnProperty(name = "indkoeb.notifications.relay.enabled", havingValue = "true", matchIfMissing = true)
    MailRelay mailRelay(MailOutbox outbox, VendorMails vendorMails, ObjectProvider<JavaMailSender> sender,
                        NotificationProperties properties, Municipalities municipalities, Clock clock, MeterRegistry meters) {
        JavaMailSender mailSender = sender.getIfAvailable(() -> {
            throw new IllegalStateException("No SMTP server for the notifications: set spring.mail.host (the "
                    + "municipality's relay) or indkoeb.embedded-smtp.enabled=true");
        });
        return new MailRelay(outbox, vendorMails, mailSender, properties, municipalities, clock, meters);
    }

    /** Plain-text mail templates ({@code templates/mail/*.txt}) next to Boot's HTML ones, which Boot's engine also uses. */
    @Bean
    ITemplateResolver textMailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(Set.of("mail/*.txt"));
        resolver.setCheckExistence(true);
        resolver.setOrder(0);
        return resolver;
    }
}
