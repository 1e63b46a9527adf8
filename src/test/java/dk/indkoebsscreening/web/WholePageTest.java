package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dk.indkoebsscreening.testsupport.OwnJvm;
import dk.indkoebsscreening.testsupport.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page is rendered whole before any of it is written ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing},
 * application.yml): a template that fails after more than Tomcat's 8 KB response buffer is answered with the error page
 * and its status. Written while rendering, those 8 KB had committed the response, and the reader got half a page with
 * 200 OK.
 */
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WholePageTest.FailingLate.class)
class WholePageTest {

    @LocalServerPort
    int port;

    /** A page whose template fails after some 25 KB ({@code templates/proeve/fejler-sent.html} of the tests). */
    @Controller
    static class FailingLate {
        @GetMapping("/proeve/fejler-sent")
        String page() {
            return "proeve/fejler-sent";
        }
    }

    @Test
    void aTemplateThatFailsLateGetsTheErrorPageNotHalfAPage() {
        // Tomcat logs the failure as an error; it is this test's own.
        Logger container = (Logger) LoggerFactory.getLogger("org.apache.catalina.core");
        Level before = container.getLevel();
        container.setLevel(Level.OFF);
        try {
            RawHttp.Reply reply = new RawHttp(port).send("GET", "/proeve/fejler-sent",
                    Map.of("Authorization", RawHttp.basic("anna"), "Accept", "text/html"), null);
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.body()).doesNotContain("Fyldtekst").contains("<html");
        } finally {
            container.setLevel(before);
        }
    }
}
