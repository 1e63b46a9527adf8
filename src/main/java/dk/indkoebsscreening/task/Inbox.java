package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.system.Paged;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The inbox as its page shows it. Unfiltered: a section per kind of task, the most urgent kinds first
 * (decisions, escalations, triage, screening), each with its soonest tasks and how many there are in all.
 * Filtered by kind, area or a search: one list, soonest deadline first, in pages.
 */
public record Inbox(Filter filter, List<Section> sections, Paged<WorkTask> results) {

    /** Kinds in the order a coordinator works through them: what ends a request first. */
    static final List<TaskType> URGENCY = TaskType.byUrgency();
    /** The task definition keys of the kinds the inbox lists (a screening's of every area). */
    static final List<String> LISTED_KINDS = URGENCY.stream()
            .flatMap(type -> type == TaskType.SCREENING ? Arrays.stream(Area.values()).map(Area::taskDefinitionKey)
                    : Stream.of(type.taskDefinitionKey()))
            .toList();
    static final int SECTION_PREVIEW = 10;
    static final int PAGE_SIZE = 25;

    /** What the user filters by; unknown values are ignored rather than refused (the URL is typed by people). */
    public record Filter(TaskType type, Area area, String text) {

        static Filter of(String type, String area, String text) {
            return new Filter(parse(TaskType.class, type).filter(URGENCY::contains).orElse(null),
                    parse(Area.class, area).orElse(null), text == null ? "" : text.strip());
        }

        public boolean isEmpty() {
            return type == null && area == null && text.isEmpty();
        }

        /** Reference (or a system's name), title, system and vendor, whatever their case. */
        boolean matches(WorkTask task) {
            String needle = text.toLowerCase(Locale.ROOT);
            return (type == null || task.type() == type)
                    && (area == null || task.area() == area)
                    && (needle.isEmpty() || contains(task.label(), needle) || contains(task.title(), needle)
                            || contains(task.systemName(), needle) || contains(task.vendor(), needle));
        }

        private static boolean contains(String value, String needle) {
            return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
        }

        /** A name from an address; anything else is no value. */
        static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
            try {
                return value == null || value.isBlank() ? Optional.empty() : Optional.of(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public record Section(TaskType type, int total, List<WorkTask> first) {

        public boolean hasMore() {
            return total > first.size();
        }
    }

    /** How many tasks the unfiltered inbox holds, as the menu counts them; null when filtered. */
    Long total() {
        return filter.isEmpty() ? sections.stream().mapToLong(Section::total).sum() : null;
    }

    /**
     * The unfiltered inbox from the first tasks of each kind and how many there are of each (task definition key), as
     * {@link WorkTaskService#preview} reads them.
     */
    static Inbox of(WorkTaskService.Preview preview) {
        List<Section> sections = URGENCY.stream()
                .map(type -> {
                    List<WorkTask> first = preview.first().stream().filter(task -> task.type() == type).toList();
                    long total = preview.countByKey().entrySet().stream()
                            .filter(kind -> TaskType.of(kind.getKey()) == type).mapToLong(Map.Entry::getValue).sum();
                    return new Section(type, (int) total, first.subList(0, Math.min(SECTION_PREVIEW, first.size())));
                })
                .filter(section -> !section.first().isEmpty())
                .toList();
        return new Inbox(new Filter(null, null, ""), sections, null);
    }

    /** @param open the user's open tasks, soonest deadline first */
    static Inbox of(List<WorkTask> open, Filter filter, int requestedPage) {
        List<WorkTask> work = open.stream().filter(task -> URGENCY.contains(task.type())).toList();
        if (filter.isEmpty()) {
            List<Section> sections = URGENCY.stream()
                    .map(type -> work.stream().filter(task -> task.type() == type).toList())
                    .filter(tasks -> !tasks.isEmpty())
                    .map(tasks -> new Section(tasks.get(0).type(), tasks.size(),
                            tasks.subList(0, Math.min(SECTION_PREVIEW, tasks.size()))))
                    .toList();
            return new Inbox(filter, sections, null);
        }
        return new Inbox(filter, List.of(), Paged.of(work.stream().filter(filter::matches).toList(), requestedPage, PAGE_SIZE));
    }
}
