package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.system.CalendarDates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page's fields as typed (Danish parameter names), read leniently: a value that is not one of the
 * choices or not a date searches as if it were empty, and the page shows what was searched for.
 */
public record SearchQuery(Map<String, String> fields) {

    /** The search page's fields, by their names in the address. */
    public static final List<String> NAMES = List.of("q", "status", "afdeling", "anmoder", "omraade", "vurdering", "fra",
            "til", "afgjortFra", "afgjortTil", "sort");

    static SearchQuery of(Map<String, String> parameters) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = parameters.getOrDefault(name, "");
            fields.put(name, value.length() > RequestSearch.MAX_TEXT ? value.substring(0, RequestSearch.MAX_TEXT).strip() : value.strip());
        }
        return new SearchQuery(fields);
    }

    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    RequestSearch.Criteria criteria() {
        return new RequestSearch.Criteria(null, get("q"), choice(RequestStatus.class, get("status")), get("afdeling"),
                get("anmoder"), choice(Area.class, get("omraade")), choice(Verdict.class, get("vurdering")), date(get("fra")),
                date(get("til")), date(get("afgjortFra")), date(get("afgjortTil")));
    }

    RequestSearch.Order order() {
        return switch (get("sort")) {
            case "frist" -> RequestSearch.Order.DEADLINE;
            case "afgjort" -> RequestSearch.Order.DECIDED;
            default -> RequestSearch.Order.NEWEST;
        };
    }

    /** Whether any field beyond the words and the status is set: the page then shows them open. */
    public boolean refined() {
        return fields.entrySet().stream().anyMatch(field -> !field.getKey().equals("q") && !field.getKey().equals("status")
                && !field.getKey().equals("sort") && !field.getValue().isEmpty());
    }

    /** The same search with one field changed (the words of "Mente du …?"). */
    SearchQuery with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(name, value);
        return new SearchQuery(changed);
    }

    /** The same search at another address (the next page, the CSV), with every field that is set. */
    String link(String path) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        fields.forEach((name, value) -> {
            if (!value.isEmpty()) {
                link.queryParam(name, value);
            }
        });
        return link.encode().toUriString();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        return null;
    }

    private static LocalDate date(String value) {
        try {
            return value.isEmpty() ? null : CalendarDates.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
