package dk.indkoebsscreening.screening;

import java.util.List;

/**
 * One question of an area's checklist, configured in {@code checklists.yml}.
 *
 * @param id       key of the answer in the screening's {@code checklist} object
 * @param text     the question as shown to the expert (Danish)
 * @param help     guidance shown beside it; {@code {euThreshold}} stands for the EU threshold that applies, {@code {contractValue}} for
 *                 the request's lifetime value
 * @param options  allowed answers; empty means free text
 * @param required whether the screening cannot be completed without an answer
 * @param vendor   the question as the vendor answers it through the link; null when it is not for the vendor
 */
public record ChecklistQuestion(String id, String text, String help, List<String> options, boolean required, VendorQuestion vendor) {

    public ChecklistQuestion {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean isFreeText() {
        return options.isEmpty();
    }

    /** The question with the {@code {name}} placeholder in its help text filled in (e.g. a threshold in kroner). */
    public ChecklistQuestion withHelpValue(String name, String value) {
        return help == null ? this : new ChecklistQuestion(id, text, help.replace("{" + name + "}", value), options, required, vendor);
    }
}
