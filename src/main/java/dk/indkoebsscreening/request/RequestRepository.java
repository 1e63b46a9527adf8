package dk.indkoebsscreening.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.scope.FastTrackHandling;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Sql;
import dk.indkoebsscreening.system.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The request's own table; other modules read it through {@link Requests} and change it through {@link RequestLifecycle}. */
@Repository
class RequestRepository {

    private static final String COLUMNS = """
            id, reference, title, system_name, vendor, need, department, requester, one_off_cost_dkk,
            annual_cost_dkk, contract_years, expected_users, personal_data_categories, hosting, transfer_basis, integrations,
            desired_start_date, existing_system_note, status, submitted_at, deadline, deadline_missed_at, process_instance_id,
            vendor_contact_name, vendor_contact_email, purchase_funding, purchase_funding_name, operation_funding,
            operation_funding_name, expected_benefits, benefits_description
            """;

    private final JdbcClient jdbc;

    private final InstallationProperties installation;

    RequestRepository(JdbcClient jdbc, InstallationProperties installation) {
        this.jdbc = jdbc;
        this.installation = installation;
    }

    /** See {@link RequestLifecycle#lock}. */
    @Transactional(propagation = Propagation.MANDATORY)
    PurchaseRequest lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from purchase_request where id = ? for update")
                .param(id)
                .query(RequestRepository::map)
                .optional()
                .orElseThrow(() -> new RequestNotFoundException(id));
    }

    /**
     * {@link #lock} for the request a user task belongs to, found through the engine's task table (read
     * only, as the engine's native queries do): one statement where a task query and a look-up would be
     * two round trips and an engine command. Empty when the task does not exist (any more).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> lockByTask(String taskId) {
        return jdbc.sql("select id from purchase_request where process_instance_id = "
                        + EngineTasks.PROCESS_INSTANCE_OF_TASK + " for update")
                .param(taskId)
                .query(UUID.class)
                .optional();
    }

    /** A re-screening names the request it follows, and what has changed since (V18). */
    @Transactional(propagation = Propagation.MANDATORY)
    void linkPrevious(UUID id, UUID previousId, String changesSinceLast) {
        jdbc.sql("update purchase_request set previous_request_id = ?, changes_since_previous = ? where id = ?")
                .params(previousId, changesSinceLast, id)
                .update();
    }

    Optional<Requests.Rescreening> rescreeningOf(UUID id) {
        return jdbc.sql("""
                        select p.id, p.reference, p.title, r.changes_since_previous from purchase_request r
                          join purchase_request p on p.id = r.previous_request_id where r.id = ?
                        """)
                .param(id)
                .query((rs, row) -> new Requests.Rescreening(new Requests.Linked(rs.getObject("id", UUID.class),
                        rs.getString("reference"), rs.getString("title")), rs.getString("changes_since_previous")))
                .optional();
    }

    List<Requests.Linked> rescreenedBy(UUID id) {
        return jdbc.sql("select id, reference, title from purchase_request where previous_request_id = ? order by submitted_at")
                .param(id)
                .query((rs, row) -> new Requests.Linked(rs.getObject("id", UUID.class), rs.getString("reference"),
                        rs.getString("title")))
                .list();
    }

    Optional<PurchaseRequest> findByReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from purchase_request where reference = ?")
                .param(reference)
                .query(RequestRepository::map)
                .optional();
    }

    Optional<PurchaseRequest> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from purchase_request where id = ?")
                .param(id)
                .query(RequestRepository::map)
                .optional();
    }

    /** The requester's newest requests, at most {@code limit}. */
    List<PurchaseRequest> findByRequester(String requester, int limit) {
        return jdbc.sql("select " + COLUMNS + " from purchase_request where requester = ? order by submitted_at desc limit ?")
                .params(requester, limit)
                .query(RequestRepository::map)
                .list();
    }

    /** Requests in this status, soonest deadline first, at most {@code limit}. */
    List<PurchaseRequest> findByStatus(RequestStatus status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from purchase_request where status = ? order by deadline limit ?")
                .params(status.name(), limit)
                .query(RequestRepository::map)
                .list();
    }

    List<PurchaseRequest> findRecent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from purchase_request order by submitted_at desc limit ?")
                .param(limit)
                .query(RequestRepository::map)
                .list();
    }

    List<PurchaseRequest> findByProcessInstanceIds(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from purchase_request where process_instance_id in (:ids)")
                .param("ids", processInstanceIds)
                .query(RequestRepository::map)
                .list();
    }

    /**
     * Requests for a system like this one, most alike first, a vendor alike ranking them higher. The candidates are
     * the nearest names by trigram distance, whole and as a word ({@code <->}, {@code <<->}, through the GiST index
     * of {@code request_words}, V35: row-level security keeps purchase_request's from such operators), so a common word
     * shared by thousands of names costs no more than a rare one; the requests themselves are read under the policy.
     *
     * @param except the request itself on its triage page, else null
     */
    List<Requests.SimilarRequest> similarBySystem(String systemName, String vendor, UUID except, int limit) {
        Tenancy.Scope scope = installation.scopeOfTheWork();
        return jdbc.sql("""
                        with nearest as (
                            (select request_id as id from request_words where %1$s
                              order by system_name <-> :name limit :candidates)
                            union
                            (select request_id from request_words where %1$s
                              order by :name <<-> system_name limit :candidates))
                        select %2$s, greatest(similarity(lower(system_name), :name), word_similarity(:name, lower(system_name)))
                                   + case when :vendor = '' then 0 else 0.5 * similarity(lower(vendor), :vendor) end as score
                          from purchase_request
                         where id in (select id from nearest)
                           and greatest(similarity(lower(system_name), :name), word_similarity(:name, lower(system_name))) >= 0.35
                           and id <> coalesce(cast(:except as uuid), '00000000-0000-0000-0000-000000000000')
                         order by score desc, submitted_at desc limit :limit
                        """.formatted(scope.condition("tenant_id"), COLUMNS))
                .params(scope.conditionParameters())
                .param("name", systemName.toLowerCase(Locale.ROOT))
                .param("vendor", vendor == null ? "" : vendor.toLowerCase(Locale.ROOT))
                .param("except", except)
                .param("candidates", 4 * limit)
                .param("limit", limit)
                .query((rs, row) -> new Requests.SimilarRequest(map(rs, row), rs.getDouble("score")))
                .list();
    }

    /** The id of the municipality whose request it is (its row's). */
    Optional<String> municipalityOf(UUID id) {
        return jdbc.sql("select tenant_id from purchase_request where id = ?").param(id).query(String.class).optional();
    }

    boolean existsWithTitle(String title) {
        return jdbc.sql("select count(*) from purchase_request where title = ?")
                .param(title)
                .query(Integer.class)
                .single() > 0;
    }

    /** Next reference of the year, e.g. IND-2026-0042; the counter row serialises concurrent numbering until commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    String nextReference(int year) {
        int number = jdbc.sql("""
                        insert into request_reference_counter (year, last_value) values (?, 1)
                        on conflict (year, tenant_id) do update set last_value = request_reference_counter.last_value + 1
                        returning last_value
                        """)
                .param(year)
                .query(Integer.class)
                .single();
        return "IND-%d-%04d".formatted(year, number);
    }

    /**
     * @param submissionKey how it was submitted (an idempotency key or a form's token), or null; a second
     *                      request with the same key from the same requester fails with a DuplicateKeyException
     * @param digest        what was submitted with the key
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(PurchaseRequest request, String submissionKey, String digest) {
        jdbc.sql("insert into purchase_request (" + COLUMNS + """
                        , submission_key, submission_digest) values (:id, :reference, :title, :systemName, :vendor, :need, :department, :requester,
                        :oneOffCostDkk, :annualCostDkk, :contractYears, :expectedUsers, string_to_array(:personalData, ','), :hosting, :transferBasis,
                        :integrations, :desiredStartDate, :existingSystemNote, :status, :submittedAt, :deadline, :deadlineMissedAt, :processInstanceId,
                        :vendorContactName, :vendorContactEmail, :purchaseFunding, :purchaseFundingName, :operationFunding,
                        :operationFundingName, cast(:expectedBenefits as jsonb), :benefitsDescription, :submissionKey, :submissionDigest)
                        """)
                .param("submissionKey", submissionKey)
                .param("submissionDigest", digest)
                .param("id", request.id())
                .param("reference", request.reference())
                .param("title", request.title())
                .param("systemName", request.systemName())
                .param("vendor", request.vendor())
                .param("need", request.need())
                .param("department", request.department())
                .param("requester", request.requester())
                .param("oneOffCostDkk", request.oneOffCostDkk())
                .param("annualCostDkk", request.annualCostDkk())
                .param("contractYears", request.contractYears())
                .param("expectedUsers", request.expectedUsers())
                .param("personalData", request.personalDataCategories().stream().map(PersonalData::name)
                        .collect(Collectors.joining(",")))
                .param("hosting", request.hosting().name())
                .param("transferBasis", request.transferBasis())
                .param("integrations", request.integrations())
                .param("desiredStartDate", request.desiredStartDate())
                .param("existingSystemNote", request.existingSystemNote())
                .param("status", request.status().name())
                .param("submittedAt", Sql.timestamp(request.submittedAt()))
                .param("deadline", Sql.timestamp(request.deadline()))
                .param("deadlineMissedAt", Sql.timestamp(request.deadlineMissedAt()))
                .param("processInstanceId", request.processInstanceId())
                .param("vendorContactName", request.vendorContact() == null ? null : request.vendorContact().name())
                .param("vendorContactEmail", request.vendorContact() == null ? null : request.vendorContact().email())
                .param("purchaseFunding", request.funding() == null ? null : request.funding().purchase().name())
                .param("purchaseFundingName", request.funding() == null ? null : request.funding().purchaseName())
                .param("operationFunding", request.funding() == null ? null : request.funding().operation().name())
                .param("operationFundingName", request.funding() == null ? null : request.funding().operationName())
                .param("expectedBenefits", request.expectedBenefits() == null ? null : BenefitRatingsJson.write(request.expectedBenefits().ratings()))
                .param("benefitsDescription", request.expectedBenefits() == null ? null : request.expectedBenefits().description())
                .update();
    }

    /** A request as first submitted with a key: what was submitted is known by its digest. */
    record EarlierSubmission(PurchaseRequest request, String digest) {
    }

    Optional<EarlierSubmission> findBySubmissionKey(String requester, String key) {
        return jdbc.sql("select " + COLUMNS + ", submission_digest from purchase_request where requester = ? and submission_key = ?")
                .params(requester, key)
                .query((rs, row) -> new EarlierSubmission(map(rs, row), rs.getString("submission_digest")))
                .optional();
    }

    /** Changes the status only from one of these: whether it did. PostgreSQL checks the condition again on the row a concurrent change committed. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean changeStatus(UUID id, Set<RequestStatus> from, RequestStatus to) {
        if (from.isEmpty()) {
            return false;
        }
        return jdbc.sql("update purchase_request set status = :to where id = :id and status in (:from)")
                .param("to", to.name())
                .param("id", id)
                .param("from", from.stream().map(RequestStatus::name).toList())
                .update() == 1;
    }

    /** Requests per status: every open one, and the decided ones submitted since. */
    List<Requests.StatusCount> countByStatus(Instant submittedSince) {
        return jdbc.sql("""
                        select status, count(*) as n from purchase_request
                         where status in ('IN_TRIAGE', 'AWAITING_INFORMATION', 'IN_SCREENING', 'AWAITING_DECISION')
                            or submitted_at >= ?
                         group by status
                        """)
                .param(Sql.timestamp(submittedSince))
                .query((rs, row) -> new Requests.StatusCount(RequestStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list().stream()
                .sorted((a, b) -> a.status().compareTo(b.status()))
                .toList();
    }

    /** What the recommendation table proposed, once all six areas are screened. */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveRecommendation(UUID id, Verdict recommendation) {
        jdbc.sql("update purchase_request set recommendation = ? where id = ?")
                .params(recommendation.name(), id)
                .update();
    }

    Optional<Verdict> findRecommendation(UUID id) {
        return jdbc.sql("select recommendation from purchase_request where id = ? and recommendation is not null")
                .param(id)
                .query((rs, row) -> Verdict.valueOf(rs.getString(1)))
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void linkProcessInstance(UUID id, String processInstanceId) {
        jdbc.sql("update purchase_request set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    /** How the scope tables said the request is handled, at submission. */
    @Transactional(propagation = Propagation.MANDATORY)
    void insertHandling(UUID id, FastTrackHandling handling) {
        jdbc.sql("""
                        insert into request_handling (request_id, rule, skip_triage, deadline_working_days, automatic_decision)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(id, handling.rule(), handling.skipTriage(), handling.deadlineWorkingDays(), handling.automaticDecision())
                .update();
    }

    Optional<FastTrackHandling> handling(UUID id) {
        return jdbc.sql("select * from request_handling where request_id = ?")
                .param(id)
                .query((rs, row) -> new FastTrackHandling(rs.getString("rule"), rs.getBoolean("skip_triage"),
                        (Integer) rs.getObject("deadline_working_days"), rs.getBoolean("automatic_decision")))
                .optional();
    }

    /** The vendor's contact named or changed after submission. */
    @Transactional(propagation = Propagation.MANDATORY)
    void changeVendorContact(UUID id, VendorContact contact) {
        jdbc.sql("update purchase_request set vendor_contact_name = ?, vendor_contact_email = ? where id = ?")
                .params(contact.name(), contact.email(), id)
                .update();
    }

    /** The screening deadline moved (a pause while the request waited for its requester). */
    @Transactional(propagation = Propagation.MANDATORY)
    void moveDeadline(UUID id, Instant deadline) {
        jdbc.sql("update purchase_request set deadline = ? where id = ?").params(Sql.timestamp(deadline), id).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markDeadlineMissed(UUID id, Instant at) {
        jdbc.sql("update purchase_request set deadline_missed_at = ? where id = ? and deadline_missed_at is null")
                .params(Sql.timestamp(at), id)
                .update();
    }

    private static PurchaseRequest map(ResultSet rs, int row) throws SQLException {
        return new PurchaseRequest(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getString("title"),
                rs.getString("system_name"),
                rs.getString("vendor"),
                rs.getString("need"),
                rs.getString("department"),
                rs.getString("requester"),
                rs.getBigDecimal("one_off_cost_dkk"),
                rs.getBigDecimal("annual_cost_dkk"),
                rs.getInt("contract_years"),
                rs.getInt("expected_users"),
                PersonalData.ordered(Arrays.stream((String[]) rs.getArray("personal_data_categories").getArray())
                        .map(PersonalData::valueOf).toList()),
                Hosting.valueOf(rs.getString("hosting")),
                rs.getString("transfer_basis"),
                rs.getString("integrations"),
                rs.getObject("desired_start_date", LocalDate.class),
                rs.getString("existing_system_note"),
                RequestStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "submitted_at"),
                Sql.instant(rs, "deadline"),
                Sql.instant(rs, "deadline_missed_at"),
                rs.getString("process_instance_id"),
                rs.getString("vendor_contact_email") == null ? null
                        : new VendorContact(rs.getString("vendor_contact_name"), rs.getString("vendor_contact_email")),
                Funding.ofColumns(rs.getString("purchase_funding"), rs.getString("purchase_funding_name"),
                        rs.getString("operation_funding"), rs.getString("operation_funding_name")),
                ExpectedBenefits.ofColumns(rs.getString("expected_benefits"), rs.getString("benefits_description")));
    }
}
