package dk.indkoebsscreening.notification.smtp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Runs the embedded SMTP server and points the application's mail sender at it (instead of
 * {@code spring.mail.*}). The server bean is created before the sender and destroyed after the relay stopped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "indkoeb.embedded-smtp.enabled", havingValue = "true")
@EnableConfigurationProperties({EmbeddedSmtpConfiguration.Properties.class, MailProperties.class})
class EmbeddedSmtpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpConfiguration.class);

    /**
     * @param enabled start an SMTP server inside the application (the demo profile, the tests)
     * @param port    on 127.0.0.1; 0 picks a free one
     * @param imapPort IMAP on 127.0.0.1 to read each address's mail (user and password: the address); -1 none, 0 a free one
     */
    @Validated
    @ConfigurationProperties("indkoeb.embedded-smtp")
    record Properties(boolean enabled, @Min(0) @Max(65535) int port, @DefaultValue("-1") @Min(-1) @Max(65535) int imapPort) {
    }

    /** Both set would send production's mail into this server's memory, unseen: refuse to start instead. */
    @Bean(destroyMethod = "close")
    EmbeddedSmtpServer embeddedSmtpServer(Properties properties, MailProperties relay) {
        String relayHost = relay.getHost();
        if (StringUtils.hasText(relayHost)) {
            throw new IllegalStateException("spring.mail.host is set (" + relayHost + ") while indkoeb.embedded-smtp.enabled=true: "
                    + "set INDKOEB_EMBEDDED_SMTP_ENABLED=false to send through the relay");
        }
        EmbeddedSmtpServer server = new EmbeddedSmtpServer(properties.port(), properties.imapPort());
        server.start();
        log.info("Embedded SMTP server listening on 127.0.0.1:{}; administrators read the mails sent at /admin/mails",
                server.port());
        if (server.imapPort() > 0) {
            log.info("Embedded IMAP server listening on 127.0.0.1:{}: read an address's mails with the address as user and password",
                    server.imapPort());
        }
        return server;
    }

    @Bean
    JavaMailSender javaMailSender(EmbeddedSmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
        return sender;
    }
}
