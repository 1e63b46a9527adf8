package dk.indkoebsscreening.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every kind of mail has its subject, and every text reads as MessageFormat will format it. */
class MailTextsTest {

    @Test
    void everyKindHasASubjectAndEveryTextFormats() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = MailTextsTest.class.getResourceAsStream("/mails.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (MailKind kind : MailKind.values()) {
            assertThat(texts.getProperty("mail." + kind.key() + ".subject")).as(kind.name()).isNotBlank();
        }
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            if (text.contains("{0}")) {
                assertThat(new MessageFormat(text).format(new Object[] {"A", "B", "C"}))
                        .as("%s: a single apostrophe would swallow the text after it", key)
                        .doesNotContain("{").contains("A");
            }
        }
    }
}
