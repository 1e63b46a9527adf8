package dk.indkoebsscreening.steering;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.FundingSource;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.system.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows a steering report counts, read in the caller's scope (row-level security gives one municipality's, or all
 * of the shared organisation's). Like the search (casefile's {@code RequestSearch}) a read-only report across the steps'
 * tables, so that a year is read in a few statements rather than asked of six modules request by request; each step
 * still writes only its own tables. The indexes on {@code submitted_at}, {@code decided_at}, {@code completed_at} and
 * {@code status} find a period's rows.
 */
@Repository
class SteeringRows {

    /**
     * A request that came in, was decided, was withdrawn or had an area screened within the period, with what the report
     * asks of it.
     */
    record RequestRow(UUID id, String municipality, String reference, String title, String department, RequestStatus status,
                      Instant submittedAt, Instant deadline, BigDecimal contractValueDkk, FundingSource purchaseFunding,
                      String purchaseFundingName, Verdict outcome, Verdict recommendation, String reason, Instant decidedAt,
                      Instant withdrawnAt, Instant screeningStartedAt, Instant recommendedAt, int waitedWorkingDays) {

        boolean decidedWithin(Instant start, Instant end) {
            return within(decidedAt, start, end);
        }

        boolean submittedWithin(Instant start, Instant end) {
            return within(submittedAt, start, end);
        }

        boolean withdrawnWithin(Instant start, Instant end) {
            return within(withdrawnAt, start, end);
        }

        boolean decidedLate() {
            return decidedAt != null && decidedAt.isAfter(deadline);
        }

        boolean approved() {
            return outcome == Verdict.APPROVED || outcome == Verdict.APPROVED_WITH_CONDITIONS;
        }

        /** The coordinator decided otherwise than the screening recommended. */
        boolean overridden() {
            return outcome != null && recommendation != null && outcome != recommendation;
        }

        private static boolean within(Instant at, Instant start, Instant end) {
            return at != null && !at.isBefore(start) && at.isBefore(end);
        }
    }

    /** An area screened within the period. */
    record AreaRow(UUID requestId, Area area, Instant startedAt, Instant completedAt, Instant deadline) {

        boolean late() {
            return completedAt.isAfter(deadline);
        }
    }

    /** A condition set by a decision of the period, as it stands today. */
    record ConditionRow(UUID requestId, String status) {

        boolean open() {
            return !"VERIFIED".equals(status) && !"WAIVED".equals(status);
        }

        boolean overdue() {
            return "OVERDUE".equals(status);
        }
    }

    private final JdbcClient jdbc;

    SteeringRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The requests and the areas a period's report counts. */
    record PeriodRows(List<RequestRow> requests, List<AreaRow> areas) {
    }

    /**
     * The requests that came in, were decided or withdrawn within the period, and the areas screened within it with the
     * requests they belong to (a request may have come in before the period and be decided after it), oldest first.
     */
    PeriodRows period(Instant start, Instant end) {
        List<RequestRow> requests = new ArrayList<>(requests("""
                select id from purchase_request where submitted_at >= :start and submitted_at < :end
                union
                select request_id from decision where decided_at >= :start and decided_at < :end
                union
                select h.request_id from purchase_request w join case_history h on h.request_id = w.id
                 where w.status = 'WITHDRAWN' and h.kind = 'WITHDRAWN' and h.at >= :start and h.at < :end""",
                Map.of("start", Sql.timestamp(start), "end", Sql.timestamp(end))));
        // Read without their requests' deadlines: joining 120,000 areas to their requests cost more than this look-up.
        List<AreaRow> areas = jdbc.sql("""
                        select request_id, area, started_at, completed_at from area_screening
                         where state = 'COMPLETED' and completed_at >= :start and completed_at < :end""")
                .param("start", Sql.timestamp(start))
                .param("end", Sql.timestamp(end))
                .query((row, n) -> new AreaRow(row.getObject("request_id", UUID.class), Area.valueOf(row.getString("area")),
                        Sql.instant(row, "started_at"), Sql.instant(row, "completed_at"), null))
                .list();
        Map<UUID, RequestRow> byId = new HashMap<>();
        requests.forEach(request -> byId.put(request.id(), request));
        Set<UUID> screenedOnly = new TreeSet<>();
        areas.stream().map(AreaRow::requestId).filter(id -> !byId.containsKey(id)).forEach(screenedOnly::add);
        if (!screenedOnly.isEmpty()) {
            List<RequestRow> more = requests("select unnest(string_to_array(:ids, ','))::uuid",
                    Map.of("ids", screenedOnly.stream().map(UUID::toString).collect(Collectors.joining(","))));
            more.forEach(request -> byId.put(request.id(), request));
            requests.addAll(more);
            // As the statement orders them: PostgreSQL compares uuids as their text does, unlike UUID.compareTo.
            requests.sort(Comparator.comparing(RequestRow::submittedAt).thenComparing(request -> request.id().toString()));
        }
        // Every area's request is among them: read in the same snapshot and scope, and asked for by id when not.
        return new PeriodRows(requests, areas.stream().map(area -> new AreaRow(area.requestId(), area.area(), area.startedAt(),
                area.completedAt(), byId.get(area.requestId()).deadline())).toList());
    }

    /**
     * The requests the statement {@code which} names, with what the report asks of them. The milestones come from the
     * history's own index of them ({@code case_history_milestone_idx}).
     */
    private List<RequestRow> requests(String which, Map<String, Object> parameters) {
        return jdbc.sql("""
                with period_requests (id) as (%s)
                select r.id, r.tenant_id, r.reference, r.title, r.department, r.status, r.submitted_at, r.deadline,
                       r.one_off_cost_dkk + r.annual_cost_dkk * r.contract_years as contract_value,
                       r.purchase_funding, r.purchase_funding_name, d.outcome, d.recommendation, d.reason, d.decided_at,
                       h.withdrawn_at, h.screening_started_at, h.recommended_at,
                       coalesce((select sum(w.working_days) from requester_wait w where w.request_id = r.id), 0) as waited
                  from period_requests p
                  join purchase_request r on r.id = p.id
                  left join decision d on d.request_id = r.id
                  left join lateral (
                      select min(at) filter (where kind = 'WITHDRAWN') as withdrawn_at,
                             min(at) filter (where kind in ('SCREENING_STARTED', 'TRIAGE_SKIPPED')) as screening_started_at,
                             max(at) filter (where kind = 'RECOMMENDED') as recommended_at
                        from case_history
                       where request_id = r.id and kind in ('WITHDRAWN', 'SCREENING_STARTED', 'TRIAGE_SKIPPED', 'RECOMMENDED')) h on true
                 order by r.submitted_at, r.id
                """.formatted(which))
                .params(parameters)
                .query((row, n) -> new RequestRow(row.getObject("id", UUID.class), row.getString("tenant_id"),
                        row.getString("reference"), row.getString("title"), row.getString("department"),
                        RequestStatus.valueOf(row.getString("status")), Sql.instant(row, "submitted_at"),
                        Sql.instant(row, "deadline"), row.getBigDecimal("contract_value"),
                        row.getString("purchase_funding") == null ? null : FundingSource.valueOf(row.getString("purchase_funding")),
                        row.getString("purchase_funding_name"), verdict(row.getString("outcome")),
                        verdict(row.getString("recommendation")), row.getString("reason"), Sql.instant(row, "decided_at"),
                        Sql.instant(row, "withdrawn_at"), Sql.instant(row, "screening_started_at"),
                        Sql.instant(row, "recommended_at"), row.getInt("waited")))
                .list();
    }

    List<ConditionRow> conditions(Instant start, Instant end) {
        return jdbc.sql("""
                select c.request_id, c.status from condition_item c join decision d on d.request_id = c.request_id
                 where d.decided_at >= :start and d.decided_at < :end
                """)
                .param("start", Sql.timestamp(start))
                .param("end", Sql.timestamp(end))
                .query((row, n) -> new ConditionRow(row.getObject("request_id", UUID.class), row.getString("status")))
                .list();
    }

    /**
     * What changes whenever a figure of any report could: every step of a request writes an event to the outbox in its
     * transaction (submission, triage, an area's verdict, questions and answers, the decision, withdrawal, conditions;
     * its sequence only grows), a survey is answered once, and a registered system's change stamps its row. Counts and
     * sums rather than the newest times, which a clock set back (or a row stamped ahead) would hide. Equal stamps, equal
     * figures, but for two steps whose events commit in the other order than their sequence numbers (a count between the
     * commits carries the later stamp without the earlier step; {@code SteeringReports} counts a kept report again once it
     * is five minutes old for that). The register is small (a municipality's systems), so summing its stamps costs little.
     */
    String changeStamp() {
        return jdbc.sql("""
                select (select coalesce(max(seq), 0) from outbox_event) || '|' ||
                       (select count(answered_at) from satisfaction_survey) || '|' ||
                       (select count(*) || ':' || coalesce(sum(extract(epoch from updated_at)), 0) from registered_system)
                """).query(String.class).single();
    }

    private static Verdict verdict(String name) {
        return name == null ? null : Verdict.valueOf(name);
    }
}
