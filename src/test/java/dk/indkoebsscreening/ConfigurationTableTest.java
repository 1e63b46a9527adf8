package dk.indkoebsscreening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists exactly the application's settings: each one its typed classes declare (the metadata
 * Spring Boot's configuration processor writes from them at compile time) has a row, and each {@code indkoeb.*}
 * row names a setting that exists.
 */
class ConfigurationTableTest {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Path TABLE = Path.of("docs/configuration.md");
    /** The first cell of a table row: the key in backticks. */
    private static final Pattern ROW_KEY = Pattern.compile("(?m)^\\| `(indkoeb\\.[^`]+)` \\|");

    @Test
    void theTableHasARowForEverySettingAndNoOtherApplicationSetting() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (JsonNode property : new ObjectMapper().readTree(METADATA.toFile()).path("properties")) {
            String name = property.path("name").asText();
            if (name.startsWith("indkoeb.")) {
                declared.add(name);
            }
        }
        Set<String> documented = new TreeSet<>();
        Matcher rows = ROW_KEY.matcher(Files.readString(TABLE));
        while (rows.find()) {
            documented.add(rows.group(1));
        }

        assertThat(declared).as("settings of the typed classes").hasSizeGreaterThan(50);
        assertThat(documented).as("rows of docs/configuration.md").containsAll(declared);
        assertThat(declared).as("settings the rows of docs/configuration.md name").containsAll(documented);
    }
}
