package dk.indkoebsscreening.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names made safe for Windows, where the files end up: its device names renamed, long names cut. */
class FileNamesTest {

    @Test
    void windowsDeviceNamesAreRenamedWhateverTheirCaseAndExtension() {
        for (String device : List.of("CON.txt", "con.txt", "Prn.pdf", "AUX", "nul.tar.gz", "COM1.docx", "com9.txt", "LPT1.txt",
                "lpt9.xlsx", "COM0.txt", "LPT0.txt", "COM\u00B9.txt", "LPT\u00B2.pdf", "com\u00B3", "CON .txt", "NUL  .pdf",
                "con..txt", "CON.", "CONIN$.txt", "conout$")) {
            String safe = FileNames.safe(device);
            assertThat(safe).as(device).startsWith("_");
            assertThat(safe.substring(1)).as(device).isEqualTo(device.replaceAll("[.\\s]+$", ""));
        }
        assertThat(FileNames.safe("CON", FileTypes.TEXT)).isEqualTo("_CON.txt");
        assertThat(FileNames.safe("C:\\Users\\anna\\NUL.pdf")).isEqualTo("_NUL.pdf");
    }

    @Test
    void namesThatOnlyResembleDevicesAreKept() {
        for (String name : List.of("CONSOLE.txt", "con-tilbud.pdf", "COM10.txt", "LPT.txt", "nulpunkt.docx", "AUXILIÆR.pdf",
                "tilbud.CON", "2024.NUL.txt", "COM.txt")) {
            assertThat(FileNames.safe(name)).as(name).isEqualTo(name);
        }
    }

    @Test
    void aLongNameIsCutTo200CharactersKeepingItsExtension() {
        String name = FileNames.safe("æ".repeat(300) + ".pdf");

        assertThat(name).hasSize(FileNames.MAX_LENGTH).startsWith("æææ").endsWith(".pdf");
    }
}
