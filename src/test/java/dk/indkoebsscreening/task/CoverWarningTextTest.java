package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The coordinators' warning of a group with nobody present counts its tasks in words: one task has no "first". */
class CoverWarningTextTest {

    @Test
    void oneTaskIsNotTheFirstOfMany() throws IOException {
        assertThat(warning("/ui.properties", 1)).endsWith("og 1 åben opgave har frist i den tid, den 11. december.");
        assertThat(warning("/ui.properties", 2)).endsWith("og 2 åbne opgaver har frist i den tid, den første 11. december.");
        assertThat(warning("/ui_en.properties", 1)).endsWith("and 1 open task is due in that time, on 11. december.");
        assertThat(warning("/ui_en.properties", 2)).endsWith("and 2 open tasks are due in that time, the first on 11. december.");
    }

    private static String warning(String bundle, int tasks) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = CoverWarningTextTest.class.getResourceAsStream(bundle)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new MessageFormat(texts.getProperty("cover.warning"), Locale.ROOT)
                .format(new Object[] {"6. december", "18. december", tasks, "11. december"});
    }
}
