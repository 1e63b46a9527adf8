package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Templates call the application's helpers as expression objects, which SpEL compiles, never as bean references. */
class TemplateObjectsTest {

    /** A bean reference inside an expression: {@code ${@formats.date(…)}}, {@code ${… @people.name(…)}}, {@code *{@…}}. */
    private static final Pattern BEAN_REFERENCE = Pattern.compile("[$*]\\{[^}]*?(@[a-zA-Z]\\w*)\\s*\\.");

    @Test
    void noTemplateCallsABeanByReference() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = BEAN_REFERENCE.matcher(Files.readString(template));
                while (matcher.find()) {
                    found.add(template + ": " + matcher.group(1));
                }
            }
        }
        assertThat(found).as("use #name (TemplateObjects) for these").isEmpty();
    }

    public static class Helper {
        private final List<String> callers = new ArrayList<>();

        public String shown(String value) {
            callers.add(StackWalker.getInstance().walk(frames -> frames.skip(1)
                    .filter(frame -> !frame.getClassName().startsWith("jdk.internal.reflect") && !frame.getClassName().startsWith("java.lang.reflect"))
                    .findFirst().orElseThrow().getClassName()));
            return value;
        }
    }

    @Test
    void aCallOnAHelperIsCompiledOnceItHasRunAWhile() {
        Helper helper = new Helper();
        StaticApplicationContext beans = new StaticApplicationContext();
        NAMES_OF_TEST.forEach(name -> beans.getBeanFactory().registerSingleton(name, helper));
        beans.refresh();
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setEnableSpringELCompiler(true);
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.addDialect(new TemplateObjects(beans));

        for (int view = 0; view < 300; view++) {
            Context context = new Context();
            context.setVariable("value", "view " + view);
            assertThat(engine.process("<p th:text=\"${#formats.shown(value)}\"></p>", context)).isEqualTo("<p>view " + view + "</p>");
        }
        assertThat(helper.callers.get(0)).as("interpreted at first").startsWith("org.springframework.expression.spel.support");
        assertThat(helper.callers.get(helper.callers.size() - 1)).as("then compiled")
                .startsWith("org.springframework.expression.spel.generated.CompiledExpression");
    }

    private static final List<String> NAMES_OF_TEST = List.copyOf(TemplateObjects.NAMES);
}
