package dk.indkoebsscreening.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The layout check itself: it must see text that a box cuts off, which neither axe nor the page's width shows, and
 * targets too small for a finger.
 */
class BrowserLayoutTest {

    @Test
    void textCutOffInsideAScrollBoxFailsNamingTheTextTheBoxAndTheWidth() throws Exception {
        Browser.assumeInstalled();
        try (Browser browser = new Browser("file://")) {
            browser.openFile(Path.of("src/test/resources/layout/clipped-table.html"));

            assertThatThrownBy(browser::assertReadableAtEveryWidth)
                    .hasMessageContaining("text cut off by its box on").hasMessageContaining("clipped-table.html at 640 px")
                    .hasMessageContaining("\"Leverandørkontrolbesøg\" in div.table-scroll");
        }
    }

    @Test
    void aCheckBoxSmallerThanAFingersTargetFailsOnAPhone() throws Exception {
        Browser.assumeInstalled();
        try (Browser browser = new Browser("file://")) {
            browser.openFile(Path.of("src/test/resources/layout/small-check-box.html"));

            assertThatThrownBy(browser::assertReadableAtEveryWidth)
                    .hasMessageContaining("radio buttons or check boxes under 24 × 24 px on")
                    .hasMessageContaining("small-check-box.html at 390 px")
                    .hasMessageContaining("retired: 13×13");
        }
    }
}
