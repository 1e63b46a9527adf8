package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.thymeleaf.cache.ICacheManager;
import org.thymeleaf.cache.StandardCache;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf's caches hold every template and expression the application has: with its default of 500 expressions, a
 * mix of pages parsed its expressions again on every view (issue 32).
 */
class TemplateCachesTest {

    /** Each attribute Thymeleaf processes, and each expression or inlined expression in a template, is at most one entry. */
    private static final Pattern CACHED = Pattern.compile("(th|sec|data-th)[:-][a-z-]+=\"|[$*#~@]\\{|\\[\\[|\\[\\(");

    @Test
    void theApplicationsTemplateEngineHasRoomForEveryTemplateAndExpression() throws IOException {
        List<Path> templates = templates();
        long expressions = 0;
        for (Path template : templates) {
            expressions += CACHED.matcher(Files.readString(template)).results().count();
        }
        long counted = expressions;
        assertThat(counted).as("expressions counted in the templates").isGreaterThan(1_000);

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class))
                .withUserConfiguration(TemplateCaches.class)
                .run(context -> {
                    ICacheManager caches = context.getBean(SpringTemplateEngine.class).getCacheManager();
                    assertThat(((StandardCache<?, ?>) caches.getExpressionCache()).getMaxSize())
                            .as("room for twice the expressions of %d templates", templates.size())
                            .isGreaterThanOrEqualTo((int) (2 * counted));
                    // A template is cached once whole and once per fragment selected from it: a few per template file.
                    assertThat(((StandardCache<?, ?>) caches.getTemplateCache()).getMaxSize())
                            .isGreaterThanOrEqualTo(10 * templates.size());
                });
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
