package dk.indkoebsscreening.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole application on a random port and a fresh headless Chromium per test (skipped without Chromium). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTestBase {

    @LocalServerPort
    protected int port;

    protected Browser browser;

    @BeforeEach
    void startBrowser() throws Exception {
        Browser.assumeInstalled();
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
