package dk.indkoebsscreening.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.indkoebsscreening.attachment.AttachmentEvent.FileInfo;
import dk.indkoebsscreening.attachment.AttachmentProperties;
import dk.indkoebsscreening.attachment.AttachmentStep;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.Hosting;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.request.PurchaseRequestForm;
import dk.indkoebsscreening.scope.ScopeFlag;
import dk.indkoebsscreening.screening.ScreeningForm;
import dk.indkoebsscreening.triage.TriageForm;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The largest decision event the limits allow stays well under Kafka's 1 MiB record: every text at its longest, in a
 * character that takes three bytes in UTF-8, every area with its most conditions, every file a request may hold. The
 * lengths are read from the forms' own annotations, so a longer limit there shows up here.
 */
class DecisionEventSizeTest {

    /** Half of Kafka's default record limit (1 MiB): room for the CloudEvents headers and for growth. */
    private static final int WELL_UNDER_THE_BROKERS_LIMIT = 512 * 1024;
    /** The longest user id the application stores (person.user_id). */
    private static final int USER_ID = 255;
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @Test
    void theLargestDecisionEventTheLimitsAllowIsWellUnderTheBrokersLimit() throws Exception {
        int largest = 0;
        // An area either screened (with its conditions) or was left out (with the reason): every split of the six.
        for (int screened = 1; screened <= Area.values().length; screened++) {
            largest = Math.max(largest, JSON.writeValueAsBytes(largestDecision(screened)).length);
        }

        assertThat(largest).as("bytes of the largest decision.made").isLessThan(WELL_UNDER_THE_BROKERS_LIMIT);
    }

    private static DecisionService.DecisionMade largestDecision(int screened) throws NoSuchFieldException {
        int name = PurchaseRequestForm.NAME_LENGTH;
        List<String> areaConditions = Collections.nCopies(max(ScreeningForm.class, "conditions"),
                text(elementMax(ScreeningForm.class, "conditions")));
        List<Area> all = List.of(Area.values());
        List<DecisionService.AreaVerdict> areas = all.subList(0, screened).stream()
                .map(area -> new DecisionService.AreaVerdict(area, Verdict.APPROVED_WITH_CONDITIONS, areaConditions, Instant.now()))
                .toList();
        // What the decision binds: every area's conditions (kept, each at most as long when reworded) and the coordinator's own.
        List<String> allConditions = java.util.stream.Stream.concat(areas.stream().flatMap(area -> area.conditions().stream()),
                Collections.nCopies(max(DecisionForm.class, "ownConditions"), text(max(DecisionForm.OwnCondition.class, "text"))).stream())
                .toList();
        int files = new AttachmentProperties(null, null, null, null).maxFilesPerRequest();
        List<FileInfo> attachments = IntStream.range(0, files)
                .mapToObj(i -> new FileInfo(UUID.randomUUID(), text(200), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        25L * 1024 * 1024, "a".repeat(64), AttachmentStep.SCREENING, Area.CONTRACT, text(USER_ID), Instant.now(),
                        null, null))
                .toList();
        // A left-out area's reason is the screening's findings field, at its longest.
        String leftOutReason = text(max(ScreeningForm.class, "findings"));
        DecisionService.ScopeOfDecision scope = new DecisionService.ScopeOfDecision(all.subList(0, screened),
                all.subList(screened, all.size()).stream().map(area -> new DecisionService.NotRelevantArea(area, leftOutReason)).toList(),
                List.of(ScopeFlag.values()), true, true, text(max(TriageForm.class, "scopeReason")));
        UUID requestId = UUID.randomUUID();
        return new DecisionService.DecisionMade(requestId, "IND-2026-0001", text(name),
                text(name), text(name), text(name), text(USER_ID), Verdict.APPROVED_WITH_CONDITIONS,
                Verdict.REJECTED, true, text(max(DecisionForm.class, "reason")), allConditions, areas,
                new BigDecimal("999999999999.99"), new BigDecimal("999999999999.99"), 20, new BigDecimal("20999999999999.79"),
                PersonalData.SENSITIVE, List.of(PersonalData.values()), Hosting.CLOUD_OUTSIDE_EU, LocalDate.now(), Instant.now(), Instant.now(), true, Instant.now(),
                attachments, "https://indkoebsscreening.kommune.dk/api/requests/" + requestId + "/report.pdf", scope,
                DecisionService.DecidedBy.RULES, text(100));
    }

    /** A text of this many characters, each three bytes in UTF-8 (no JSON escape is longer for an allowed character). */
    private static String text(int length) {
        return "€".repeat(length);
    }

    private static int max(Class<? extends Record> form, String field) throws NoSuchFieldException {
        return form.getDeclaredField(field).getAnnotation(Size.class).max();
    }

    private static int elementMax(Class<? extends Record> form, String field) throws NoSuchFieldException {
        AnnotatedParameterizedType list = (AnnotatedParameterizedType) form.getDeclaredField(field).getAnnotatedType();
        return list.getAnnotatedActualTypeArguments()[0].getAnnotation(Size.class).max();
    }
}
