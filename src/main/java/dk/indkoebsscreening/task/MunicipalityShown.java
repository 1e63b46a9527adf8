package dk.indkoebsscreening.task;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.system.Tenancy;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The municipality a task is for, by name, on the pages of someone who works for several (the shared organisation's
 * experts and administrators): the same reference can be two municipalities' requests. A municipality's own people see
 * no such name.
 */
@Component
class MunicipalityShown {

    private final Municipalities municipalities;

    MunicipalityShown(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** Every municipality's name by id; empty for someone of one municipality. */
    Map<String, String> names() {
        Tenancy.Scope scope = Tenancy.current().orElse(Tenancy.Scope.NOBODY);
        if (!scope.all() && scope.visible().size() <= 1) {
            return Map.of();
        }
        return municipalities.all().stream().collect(Collectors.toMap(Municipality::id, Municipality::name));
    }

    /** The task's municipality's name, or null for someone of one municipality. */
    String nameOf(WorkTask task) {
        return names().get(task.municipality());
    }
}
