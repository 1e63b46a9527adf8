package dk.indkoebsscreening.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * The application's helpers as the templates' expression objects: {@code ${#formats.date(…)}}, {@code #people},
 * {@code #historyText}, {@code #attachments}, {@code #choices}, {@code #supervisionTasks} (each the bean of that name).
 * Templates call them so and not as bean references ({@code ${@formats.date(…)}}): SpEL compiles a call on an expression
 * object to bytecode once it has run a while, but never one on a bean reference, which it resolves, invokes by
 * reflection and converts every argument for at every evaluation — a fifth of rendering a page (issue 32).
 * {@code TemplateObjectsTest} refuses a bean reference in a template.
 */
@Component
class TemplateObjects extends AbstractDialect implements IExpressionObjectDialect {

    static final Set<String> NAMES = Set.of("formats", "people", "historyText", "attachments", "choices", "supervisionTasks");

    private final ApplicationContext beans;
    private final Map<String, Object> found = new ConcurrentHashMap<>();

    TemplateObjects(ApplicationContext beans) {
        super("indkoeb-helpers");
        this.beans = beans;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return NAMES;
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                // By name: the UI kit may not depend on the modules that own some of them (casefile, attachment,
                // supervision). At first use, so that making the template engine makes none of them.
                return found.computeIfAbsent(name, beans::getBean);
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
