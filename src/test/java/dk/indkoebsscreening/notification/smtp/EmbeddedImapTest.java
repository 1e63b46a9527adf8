package dk.indkoebsscreening.notification.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's in-app mail server with IMAP: what an address received is read with the address as user and password (how
 * a demo user reads the vendor's mail with its link), and by nobody else.
 */
class EmbeddedImapTest {

    @Test
    void anAddressReadsItsOwnMailsOverImap() throws Exception {
        try (EmbeddedSmtpServer server = new EmbeddedSmtpServer(0, 0)) {
            server.start();
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(server.port());
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom("indkoebsscreening@demo.kommune.dk");
            mail.setTo("mette.madsen@nordiskdental.example");
            mail.setSubject("Demo Kommune beder om svar: 3D-tandskanning");
            mail.setText("http://localhost:8080/leverandoer/adgang/abc");
            sender.send(mail);

            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", server.imapPort(), "mette.madsen@nordiskdental.example", "mette.madsen@nordiskdental.example");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getSubject()).isEqualTo("Demo Kommune beder om svar: 3D-tandskanning");
            store.close();

            Store other = Session.getInstance(new Properties()).getStore("imap");
            assertThatThrownBy(() -> other.connect("127.0.0.1", server.imapPort(), "mette.madsen@nordiskdental.example", "wrong"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void withoutAnImapPortThereIsNone() {
        assertThat(new EmbeddedSmtpServer(0).imapPort()).isNegative();
    }
}
