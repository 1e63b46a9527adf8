package dk.indkoebsscreening.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error template ({@code error.html}) for failures on our pages (PageExceptionHandler) and the
 * pages Spring Boot's error controller renders: both give it the status and the message key of its title.
 */
@Component
public class ErrorPage implements ErrorViewResolver {

    private static final Set<Integer> EXPLAINED = Set.of(403, 404, 409, 413, 503);

    /** "error.page.404"; statuses without their own text share "error.page.other". */
    public static String titleKey(int status) {
        return EXPLAINED.contains(status) ? "error.page." + status : "error.page.other";
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> withTitle = new HashMap<>(model);
        withTitle.putAll(LayoutModel.of(request));
        withTitle.put("page", titleKey(status.value()));
        return new ModelAndView("error", withTitle, status);
    }
}
