package dk.indkoebsscreening.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every kind of mail has its subject, every text reads as MessageFormat will format it, and every mail about a request
 * has the name its history entry shows ("Mail sendt: …") in both UI bundles.
 */
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
                // Numbers, so that a choice ("{3,choice,1#…|1<…}") formats as well as a plain argument.
                assertThat(new MessageFormat(text).format(new Object[] {7, 2, 3, 4, 5, 6}))
                        .as("%s: a single apostrophe would swallow the text after it", key)
                        .doesNotContain("{").contains("7");
            }
        }
    }

    /** A vendor may read English: every text their mails use exists in both languages, and English has nothing else. */
    @Test
    void theVendorsMailsAreInDanishAndEnglish() throws IOException {
        Properties danish = load("/mails.properties");
        Properties english = load("/mails_en.properties");
        assertThat(danish.stringPropertyNames()).as("English texts without a Danish one").containsAll(english.stringPropertyNames());
        for (MailKind kind : MailKind.values()) {
            if (kind.toVendor()) {
                assertThat(english.getProperty("mail." + kind.key() + ".subject")).as(kind.name()).isNotBlank();
                assertThat(english.stringPropertyNames()).as(kind.name())
                        .containsAll(danish.stringPropertyNames().stream().filter(key -> key.startsWith("mail." + kind.key() + ".")).toList());
            }
        }
        assertThat(english.stringPropertyNames()).as("the vendor's mails' shared texts")
                .containsAll(danish.stringPropertyNames().stream().filter(key -> key.startsWith("mail.vendor.")).toList());
    }

    private static Properties load(String resource) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = MailTextsTest.class.getResourceAsStream(resource)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void everyMailHasItsNameInTheHistoryAndOnTheMailsPage() throws IOException {
        for (String bundle : new String[] {"/ui.properties", "/ui_en.properties"}) {
            Properties texts = new Properties();
            try (InputStream in = MailTextsTest.class.getResourceAsStream(bundle)) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            // The administrators' "Sendte mails" names every kind, a renewal's and a supervision's too.
            for (MailKind kind : MailKind.values()) {
                assertThat(texts.getProperty("mailKind." + kind.name())).as(bundle + " " + kind.name()).isNotBlank();
            }
        }
    }
}
