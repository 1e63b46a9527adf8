package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.decision.AreaConditionFate.Fate;
import dk.indkoebsscreening.decision.DecisionForm.AreaCondition;
import dk.indkoebsscreening.decision.DecisionForm.Handling;
import dk.indkoebsscreening.decision.DecisionForm.OwnCondition;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The conditions a decision binds, worked out from the decision form: each area condition kept (perhaps reworded),
 * merged into another or dropped, and the coordinator's own, each with owner and due date. Built once to check the
 * form (its problems name the form's fields) and once to record it, from the same input.
 *
 * @param decided what the requester must fulfil, in the order the form gave them (area conditions first)
 * @param fates   what became of each area condition, in the order the areas set them
 */
public record ConditionPlan(List<DecidedCondition> decided, List<AreaConditionFate> fates) {

    static final ConditionPlan NONE = new ConditionPlan(List.of(), List.of());

    /** A condition an area set, with the reference the decision form names it by: SECURITY-1 is security's first. */
    public record SetCondition(String ref, Area area, String text) {
    }

    /** What a plan needs to know besides the form: the requester, the request's go-live date, and who may own a condition. */
    record Context(String requester, LocalDate goLive, LocalDate today, Predicate<String> mayOwn) {
    }

    /** The rows the page shows before the coordinator changes anything, and what an API body without them means. */
    static List<AreaCondition> keepAll(List<SetCondition> set) {
        return set.stream().map(condition -> new AreaCondition(condition.ref(), Handling.KEEP, condition.text(), null, null, null, null))
                .toList();
    }

    static ConditionPlan of(List<SetCondition> set, DecisionForm form, Context context, List<FieldProblem> problems) {
        List<AreaCondition> rows = form.areaConditions() == null ? keepAll(set) : form.areaConditions();
        Map<String, SetCondition> byRef = new LinkedHashMap<>();
        set.forEach(condition -> byRef.put(condition.ref(), condition));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String ref = rows.get(i).ref();
            if (ref != null && !byRef.containsKey(ref)) {
                problems.add(new FieldProblem(field("areaConditions", i, "ref"), "decision.condition.ref.unknown"));
            } else if (ref != null && !seen.add(ref)) {
                problems.add(new FieldProblem(field("areaConditions", i, "ref"), "decision.condition.ref.twice"));
            }
        }
        if (!seen.containsAll(byRef.keySet())) {
            problems.add(new FieldProblem("areaConditions", "decision.conditions.incomplete"));
        }
        List<DecidedCondition> decided = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> keptAt = new HashMap<>();
        Map<String, AreaConditionFate> fates = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            AreaCondition row = rows.get(i);
            SetCondition original = byRef.get(row.ref());
            if (original == null || row.handling() != Handling.KEEP || keptAt.containsKey(row.ref())) {
                continue;
            }
            String text = Text.isBlank(row.text()) ? original.text() : row.text().strip();
            boolean reworded = !text.equals(original.text());
            if (reworded && Text.isBlank(row.note())) {
                problems.add(new FieldProblem(field("areaConditions", i, "note"), "decision.condition.note.reworded"));
            }
            keptAt.put(row.ref(), decided.size());
            fates.put(row.ref(), new AreaConditionFate(original.area(), original.text(), reworded ? Fate.REWORDED : Fate.KEPT,
                    reworded ? Text.orNull(row.note()) : null, decided.size()));
            notes.add(reworded ? Text.orNull(row.note()) : null);
            decided.add(condition(text, original.area(), row.owner(), row.due(), "areaConditions", i, context, problems));
        }
        for (int i = 0; i < rows.size(); i++) {
            AreaCondition row = rows.get(i);
            SetCondition original = byRef.get(row.ref());
            if (original == null || row.handling() == null || row.handling() == Handling.KEEP || fates.containsKey(row.ref())) {
                continue;
            }
            if (Text.isBlank(row.note())) {
                problems.add(new FieldProblem(field("areaConditions", i, "note"),
                        row.handling() == Handling.MERGE ? "decision.condition.note.merged" : "decision.condition.note.dropped"));
            }
            if (row.handling() == Handling.DROP) {
                fates.put(row.ref(), new AreaConditionFate(original.area(), original.text(), Fate.DROPPED, Text.orNull(row.note()), null));
                continue;
            }
            Integer into = row.mergeInto() == null ? null : keptAt.get(row.mergeInto());
            if (into == null) {
                problems.add(new FieldProblem(field("areaConditions", i, "mergeInto"), "decision.condition.mergeInto.invalid"));
                continue;
            }
            fates.put(row.ref(), new AreaConditionFate(original.area(), original.text(), Fate.MERGED, Text.orNull(row.note()), into));
            notes.set(into, notes.get(into) == null ? Text.orNull(row.note()) : notes.get(into) + "; " + Text.orNull(row.note()));
        }
        List<OwnCondition> own = form.ownConditions() == null ? List.of() : form.ownConditions();
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i) != null && own.get(i).text() != null) {
                notes.add(null);
                decided.add(condition(own.get(i).text().strip(), null, own.get(i).owner(), own.get(i).due(), "ownConditions", i, context, problems));
            }
        }
        if (decided.isEmpty()) {
            problems.add(new FieldProblem("ownConditions", "decision.conditions.none"));
        }
        List<DecidedCondition> noted = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            DecidedCondition condition = decided.get(i);
            noted.add(new DecidedCondition(condition.text(), condition.setBy(), condition.owner(), condition.due(),
                    condition.beforeGoLive(), notes.get(i)));
        }
        return new ConditionPlan(noted, set.stream().map(condition -> fates.get(condition.ref())).filter(fate -> fate != null).toList());
    }

    /** Owner blank: the requester; due blank: before go-live, which needs the request's desired start date. */
    private static DecidedCondition condition(String text, Area setBy, String owner, LocalDate due, String list, int row,
                                              Context context, List<FieldProblem> problems) {
        String username = Text.isBlank(owner) ? context.requester() : owner.strip();
        if (!username.equals(context.requester()) && !context.mayOwn().test(username)) {
            problems.add(new FieldProblem(field(list, row, "owner"), "decision.condition.owner.unknown"));
        }
        if (due == null && context.goLive() == null) {
            problems.add(new FieldProblem(field(list, row, "due"), "decision.condition.due.required"));
        } else if (due != null && due.isBefore(context.today())) {
            problems.add(new FieldProblem(field(list, row, "due"), "decision.condition.due.past"));
        }
        return new DecidedCondition(text, setBy, username, due, due == null, null);
    }

    private static String field(String list, int row, String component) {
        return list + "[" + row + "]." + component;
    }
}
