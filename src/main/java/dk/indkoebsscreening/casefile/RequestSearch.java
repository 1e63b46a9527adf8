package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.ExpectedBenefits;
import dk.indkoebsscreening.request.Funding;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.Paged;
import dk.indkoebsscreening.system.Sql;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.system.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search over all requests for the pages, the API and the export. The read model's one query across the
 * steps' tables (the request, its areas' verdicts, its decision), read-only, like a report: each step still
 * writes only its own tables.
 */
@Repository
public class RequestSearch {

    /**
     * What to look for; null or blank means any.
     *
     * @param onlyRequester the user whose requests alone may be found (a requester), or null for the expert group
     * @param text          words: Danish full text on title, system, vendor and need, or a part of a reference,
     *                      title, system, vendor or department
     */
    public record Criteria(String onlyRequester, String text, RequestStatus status, String department, String requester,
                    Area area, Verdict verdict, LocalDate submittedFrom, LocalDate submittedTo, LocalDate decidedFrom,
                    LocalDate decidedTo) {

        static Criteria any() {
            return new Criteria(null, null, null, null, null, null, null, null, null, null, null);
        }

        /** The same search over one user's requests only. */
        Criteria onlyOf(String user) {
            return new Criteria(user, text, status, department, requester, area, verdict, submittedFrom, submittedTo, decidedFrom,
                    decidedTo);
        }
    }

    public enum Order {
        NEWEST("r.submitted_at desc, r.id"),
        DEADLINE("r.deadline, r.id"),
        DECIDED("d.decided_at desc nulls last, r.id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** A request as the search lists and exports it. */
    public record Found(UUID id, String reference, String title, String systemName, String vendor, String department,
                 String requester, RequestStatus status, Instant submittedAt, Instant deadline, BigDecimal contractValueDkk,
                 Verdict outcome, Instant decidedAt, List<PersonalData> personalDataCategories, Funding funding,
                 ExpectedBenefits expectedBenefits) {
    }

    /** A total above this is shown as "more than": narrow the search. */
    public static final int MAX_COUNTED = 10_000;
    /** The longest words, department or requester searched for (the search page cuts what it is given to this). */
    public static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final InstallationProperties installation;

    RequestSearch(JdbcClient jdbc, DeadlineProperties deadline, InstallationProperties installation) {
        this.jdbc = jdbc;
        this.zone = deadline.zone();
        this.installation = installation;
    }

    Paged<Found> find(Criteria criteria, Order order, int page, int size) {
        checkLength("q", criteria.text());
        checkLength("department", criteria.department());
        checkLength("requester", criteria.requester());
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> parameters = new HashMap<>();
        equal(where, parameters, "r.requester", "onlyRequester", criteria.onlyRequester());
        equal(where, parameters, "r.requester", "requester", Text.orNull(criteria.requester()));
        equal(where, parameters, "r.status", "status", criteria.status() == null ? null : criteria.status().name());
        if (Text.orNull(criteria.text()) != null) {
            // Through request_words, whose text indexes row-level security would not let a query of purchase_request use.
            Tenancy.Scope scope = installation.scopeOfTheWork();
            where.append(" and r.id in (select w.request_id from request_words w where " + scope.condition("w.tenant_id")
                    + " and (w.search_document @@ websearch_to_tsquery('danish', :text) or w.words like :textPart escape '\\'))");
            parameters.putAll(scope.conditionParameters());
            parameters.put("text", criteria.text().strip());
            parameters.put("textPart", Sql.containing(criteria.text()));
        }
        if (Text.orNull(criteria.department()) != null) {
            where.append(" and lower(r.department) like :department escape '\\'");
            parameters.put("department", Sql.containing(criteria.department()));
        }
        if (criteria.verdict() != null || criteria.area() != null) {
            where.append(" and exists (select 1 from area_screening a where a.request_id = r.id and a.verdict is not null");
            if (criteria.verdict() != null) {
                where.append(" and a.verdict = :verdict");
                parameters.put("verdict", criteria.verdict().name());
            }
            if (criteria.area() != null) {
                where.append(" and a.area = :area");
                parameters.put("area", criteria.area().name());
            }
            where.append(")");
        }
        between(where, parameters, "r.submitted_at", "submitted", criteria.submittedFrom(), criteria.submittedTo());
        between(where, parameters, "d.decided_at", "decided", criteria.decidedFrom(), criteria.decidedTo());
        String from = " from purchase_request r left join decision d on d.request_id = r.id";
        if (page <= 1) {
            // The first page first: when it is not full, it holds every match and no count is needed (a search that finds
            // nothing, a requester's own few requests; at 4,000 requests of a municipality the count costs as much as the page).
            List<Found> first = page(from + where, parameters, order, 0, size);
            return new Paged<>(first, first.size() < size ? first.size() : count(from + where, parameters), 1, size);
        }
        long total = count(from + where, parameters);
        int shown = Paged.clamp(page, total, size);
        return new Paged<>(page(from + where, parameters, order, (long) (shown - 1) * size, size), total, shown, size);
    }

    /**
     * The matches counted up to one more than {@link #MAX_COUNTED}: a search that matches nearly everything stays fast
     * (the growth benchmark: 441 ms at 100k matches uncounted), and nobody pages through more than that.
     */
    private long count(String fromWhere, Map<String, Object> parameters) {
        return jdbc.sql("select count(*) from (select 1" + fromWhere + " limit :countLimit) matches")
                .params(parameters).param("countLimit", MAX_COUNTED + 1).query(Long.class).single();
    }

    private List<Found> page(String fromWhere, Map<String, Object> parameters, Order order, long offset, int size) {
        return jdbc.sql("""
                select r.id, r.reference, r.title, r.system_name, r.vendor, r.department, r.requester, r.status, r.submitted_at,
                       r.deadline, r.one_off_cost_dkk + r.annual_cost_dkk * r.contract_years as contract_value, d.outcome, d.decided_at,
                       r.personal_data_categories, r.purchase_funding, r.purchase_funding_name, r.operation_funding,
                       r.operation_funding_name, r.expected_benefits, r.benefits_description
                """ + fromWhere + " order by " + order.sql + " limit :limit offset :offset")
                .params(parameters)
                .param("limit", size)
                .param("offset", offset)
                .query((row, n) -> new Found(row.getObject("id", UUID.class), row.getString("reference"), row.getString("title"),
                        row.getString("system_name"), row.getString("vendor"), row.getString("department"),
                        row.getString("requester"), RequestStatus.valueOf(row.getString("status")),
                        Sql.instant(row, "submitted_at"), Sql.instant(row, "deadline"), row.getBigDecimal("contract_value"),
                        row.getString("outcome") == null ? null : Verdict.valueOf(row.getString("outcome")),
                        Sql.instant(row, "decided_at"), PersonalData.ordered(Arrays.stream((String[]) row
                                .getArray("personal_data_categories").getArray()).map(PersonalData::valueOf).toList()),
                        Funding.ofColumns(row.getString("purchase_funding"), row.getString("purchase_funding_name"),
                                row.getString("operation_funding"), row.getString("operation_funding_name")),
                        ExpectedBenefits.ofColumns(row.getString("expected_benefits"), row.getString("benefits_description"))))
                .list();
    }

    /** The most words of a search that get a suggestion each: every word costs one indexed query. */
    static final int MAX_SUGGESTED_WORDS = 5;

    /**
     * When a search found nothing: the same words spelt as the requests spell them ("tandscanning" →
     * "3D-tandskanning"), each word replaced by the most similar word of a title, system or vendor that the
     * trigram index finds ({@code %>}, pg_trgm's word similarity of at least 0.6, over the same text as the partial
     * match), among the requests the user may find. Empty when no word has a better spelling. A word some
     * of those requests spell so already gets none without looking further: the look for similar words reads up to 100
     * requests' words for a common word (3 ms at 4,000 requests of a municipality), this look stops at the first.
     */
    Optional<String> suggestion(Criteria criteria) {
        String text = Text.orNull(criteria.text());
        if (text == null) {
            return Optional.empty();
        }
        checkLength("q", text);
        List<String> words = List.of(text.strip().split("\\s+"));
        if (words.size() > MAX_SUGGESTED_WORDS) {
            return Optional.empty();
        }
        List<String> suggested = words.stream().map(word -> similarWord(word, criteria.onlyRequester()).orElse(word)).toList();
        return suggested.equals(words) ? Optional.empty() : Optional.of(String.join(" ", suggested));
    }

    /** What separates the words of a title, system or vendor that a suggestion is made of (V40's trigger splits so too). */
    private static final String WORD_SEPARATOR = "[[:space:],.;:!?()\"]";

    private Optional<String> similarWord(String word, String onlyRequester) {
        if (word.length() < 3) {
            return Optional.empty();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("word", word.toLowerCase(Locale.ROOT));
        Tenancy.Scope scope = installation.scopeOfTheWork();
        StringBuilder where = new StringBuilder(" where " + scope.condition("s.tenant_id"));
        parameters.putAll(scope.conditionParameters());
        equal(where, parameters, "r.requester", "onlyRequester", onlyRequester);
        String candidates = " from request_words s join purchase_request r on r.id = s.request_id" + where;
        if (spelledSo(word, onlyRequester, scope, candidates, parameters)) {
            return Optional.empty();
        }
        // At most 100 similar requests are split into words: the query stays bounded however common the word.
        return jdbc.sql("select w.word from (select r.title, r.system_name, r.vendor" + candidates + " and s.words %> :word"
                        + " limit 100) r, lateral regexp_split_to_table(r.title || ' ' || r.system_name || ' ' || r.vendor,"
                        + " '" + WORD_SEPARATOR + "+') w(word)"
                        + " where length(w.word) >= 3 and :word <% lower(w.word)"
                        + " order by word_similarity(:word, lower(w.word)) desc, similarity(:word, lower(w.word)) desc, w.word limit 1")
                .params(parameters)
                .query(String.class)
                .optional()
                .filter(similar -> !similar.equalsIgnoreCase(word));
    }

    /**
     * Whether a request the user may find spells the word so. For a reader of every request of their municipalities, one
     * look-up of a key among their requests' words ({@code request_word}, V40); for a requester, among their own requests:
     * the word whole among a request's words (found through the trigram index as a part first), looked for among the
     * first 100 requests holding it as a part, so that a word that is only ever part of longer ones costs no more than that.
     */
    private boolean spelledSo(String word, String onlyRequester, Tenancy.Scope scope, String candidates, Map<String, Object> parameters) {
        if (onlyRequester == null) {
            return jdbc.sql("select exists (select 1 from request_word w where w.word = :word and " + scope.condition("w.tenant_id") + ")")
                    .params(parameters)
                    .query(Boolean.class)
                    .single();
        }
        return jdbc.sql("select exists (select 1 from (select s.words" + candidates + " and s.words like :wordPart escape '\\'"
                        + " limit 100) c where :word = any (regexp_split_to_array(c.words, '" + WORD_SEPARATOR + "+')))")
                .params(parameters)
                .param("wordPart", Sql.containing(word))
                .query(Boolean.class)
                .single();
    }

    /**
     * What the export adds to a found request: each area's verdict (the areas screened so far), the areas the scope
     * left out (at triage or by the fast track) and whether the coordinator decided against the recommendation (null
     * while undecided or when there was none to go against).
     */
    record Verdicts(Map<Area, Verdict> areas, Set<Area> notRelevant, Boolean overridden) {
    }

    /** The verdicts of these requests, in one query for a page of the export; a request without any is left out. */
    Map<UUID, Verdicts> verdicts(List<UUID> ids) {
        Map<UUID, Verdicts> verdicts = new HashMap<>();
        if (ids.isEmpty()) {
            return verdicts;
        }
        jdbc.sql("""
                select r.id, a.area, a.verdict, d.recommendation <> d.outcome as overridden
                from purchase_request r
                left join area_screening a on a.request_id = r.id and (a.verdict is not null or a.state = 'NOT_RELEVANT')
                left join decision d on d.request_id = r.id
                where r.id in (:ids)
                """)
                .param("ids", ids)
                .query(row -> {
                    UUID id = row.getObject("id", UUID.class);
                    boolean overridden = row.getBoolean("overridden");
                    Boolean decided = row.wasNull() ? null : overridden;
                    Verdicts found = verdicts.computeIfAbsent(id, key -> new Verdicts(new EnumMap<>(Area.class), EnumSet.noneOf(Area.class), decided));
                    if (row.getString("verdict") != null) {
                        found.areas().put(Area.valueOf(row.getString("area")), Verdict.valueOf(row.getString("verdict")));
                    } else if (row.getString("area") != null) {
                        found.notRelevant().add(Area.valueOf(row.getString("area")));
                    }
                });
        return verdicts;
    }

    private static void equal(StringBuilder where, Map<String, Object> parameters, String column, String name, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            parameters.put(name, value);
        }
    }

    /** Whole days in the municipality's time zone, both ends included. */
    private void between(StringBuilder where, Map<String, Object> parameters, String column, String name, LocalDate from,
                         LocalDate to) {
        if (from != null) {
            where.append(" and ").append(column).append(" >= :").append(name).append("From");
            parameters.put(name + "From", Sql.timestamp(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            where.append(" and ").append(column).append(" < :").append(name).append("To");
            parameters.put(name + "To", Sql.timestamp(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    /** Words and names searched for are bounded before any query: their cost grows with their length. */
    private static void checkLength(String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw InvalidInputException.of(field, "search.textTooLong", MAX_TEXT);
        }
    }
}
