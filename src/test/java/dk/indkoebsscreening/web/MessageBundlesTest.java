package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text exists in Danish and in English: a key missing in one language would show as the key itself. */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages", "ui"})
    void danishAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Set<String> danish = keys(bundle + ".properties");
        Set<String> english = keys(bundle + "_en.properties");

        assertThat(danish).isNotEmpty();
        assertThat(english).as("keys only in Danish or only in English").containsExactlyInAnyOrderElementsOf(danish);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
