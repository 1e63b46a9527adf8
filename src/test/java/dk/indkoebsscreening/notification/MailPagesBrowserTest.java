package dk.indkoebsscreening.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.Mails.Mail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail pages in a real browser: a person turns mails off on "Mine indstillinger", an administrator reads
 * what was sent, and a mail's HTML part as a mail client would show it, on a desktop and on a phone.
 */
class MailPagesBrowserTest extends BrowserTestBase {

    @Autowired
    EmbeddedSmtpServer smtp;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void everyoneGetsMailAgain() {
        jdbc.sql("delete from mail_preference").update();
    }

    @Test
    void aPersonChoosesTheirMailsAndAnAdministratorReadsWhatWasSent() throws IOException {
        ApiClient api = new ApiClient(port);
        String reference = api.submit("anna", "Tidsbestilling til genbrugspladsen").get("reference").asText();
        Mail triage = new Mails(smtp).awaitOne(reference, "TRIAGE_NEEDED", "koordinator@demo.kommune.dk");

        browser.login("bent");
        browser.find(By.linkText("Mine indstillinger")).click();
        assertThat(browser.title()).startsWith("Mine indstillinger");
        assertThat(browser.text(By.tagName("main"))).contains("Mails sendes til bent@demo.kommune.dk.");
        browser.assertAccessible();
        browser.choose("mails", "false");
        browser.submit();
        assertThat(browser.text(By.className("notice-success"))).isEqualTo("Gemt: du får kun påmindelser om frister og spørgsmål til dig.");
        assertThat(browser.find(By.cssSelector("input[name='mails'][value='false']")).isSelected()).isTrue();
        browser.assertAccessible();

        browser.login("admin");
        browser.find(By.linkText("Sendte mails")).click();
        // Found by its reference: the newest mails of a shared test database need not be this test's.
        browser.type("mails-q", reference);
        browser.submit("/admin/mails");
        assertThat(browser.text(By.id("mails"))).contains("Ny anmodning til triage: " + reference,
                "Karen Koordinator <koordinator@demo.kommune.dk>");
        browser.assertAccessible();
        browser.assertReadableAtEveryWidth();
        browser.find(By.partialLinkText("Ny anmodning til triage: " + reference)).click();
        assertThat(browser.text(By.cssSelector("pre.mail-text"))).contains("Kære Karen Koordinator,", "Åbn triagen: http");
        browser.assertAccessible();

        browser.login(Lifecycle.COORDINATOR);
        assertThat(browser.findAll(By.linkText("Sendte mails"))).isEmpty();

        Path html = Files.createDirectories(Path.of("target", "mails")).resolve("triage-needed.html");
        Files.writeString(html, triage.html());
        browser.openFile(html);
        assertThat(browser.text(By.tagName("body"))).contains("Kære Karen Koordinator,", "Åbn triagen");
        browser.assertReadableAtEveryWidth();
    }
}
