package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.MunicipalityNames;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout needs on every page, error pages included: who is logged in (for the menu), the
 * path (for the language switch) and the menu item the page belongs to; on the pages of the application, not the
 * error pages, the number of open tasks in the menu and whom the signed-in person acts for (their municipality, or the
 * shared organisation), so nobody working in one installation of several municipalities wonders which one they are in.
 */
@ControllerAdvice(annotations = PageController.class)
class LayoutModel {

    // Looked up once, at the first page: resolving a provider walks the bean factory's candidates on every call.
    private final Supplier<OpenTaskCount> openTasks;
    private final Supplier<MunicipalityNames> municipalities;
    private final InstallationProperties installation;

    LayoutModel(ObjectProvider<OpenTaskCount> openTasks, ObjectProvider<MunicipalityNames> municipalities,
                InstallationProperties installation) {
        this.openTasks = SingletonSupplier.of(openTasks::getIfAvailable);
        this.municipalities = SingletonSupplier.of(municipalities::getIfAvailable);
        this.installation = installation;
    }

    /** With the number of open tasks for the menu of those who have an inbox: one count per page view. */
    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        Map<String, Object> attributes = of(request);
        model.addAllAttributes(attributes);
        if (attributes.get("currentUser") instanceof CurrentUser user) {
            model.addAttribute("actingFor", actingFor());
            OpenTaskCount count = openTasks.get();
            if (count != null && user.takesPartInScreening()) {
                model.addAttribute("openTaskCount", count.of(user));
            }
        }
    }

    /** The name of the municipality (or the shared organisation) the request acts for; null where there is none. */
    private String actingFor() {
        MunicipalityNames names = municipalities.get();
        return Tenancy.currentTenant()
                .flatMap(tenant -> tenant.equals(installation.sharedOrganisation().id())
                        ? Optional.of(installation.sharedOrganisation().name())
                        : names == null ? Optional.empty() : names.nameOf(tenant))
                .orElse(null);
    }

    /** For pages rendered outside a page controller's model, such as the error pages. */
    static Map<String, Object> of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("currentUser", authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : CurrentUser.of(authentication));
        attributes.put("currentPath", path);
        attributes.put("currentSection", section(path));
        return attributes;
    }

    static String section(String path) {
        if (path.equals("/anmodninger/ny")) {
            return "new";
        }
        if (path.equals("/anmodninger/alle")) {
            return "all";
        }
        if (path.startsWith("/anmodninger")) {
            return "requests";
        }
        if (path.startsWith("/systemer")) {
            return "register";
        }
        if (path.startsWith("/styring")) {
            return "steering";
        }
        if (path.startsWith("/opgaver")) {
            return "tasks";
        }
        if (path.startsWith(Links.SETTINGS)) {
            return "settings";
        }
        if (path.startsWith("/admin/mails")) {
            return "mails";
        }
        if (path.startsWith("/admin/afviste-haendelser")) {
            return "deadLetters";
        }
        if (path.startsWith("/admin/kommuner")) {
            return "municipalities";
        }
        return path.equals("/overblik") ? "overview" : "";
    }
}
