package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.decision.DecisionRepository;
import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.screening.AreaScreeningRepository;
import dk.indkoebsscreening.screening.AreaScreeningRepository.WithinDeadline;
import dk.indkoebsscreening.system.StatementTimeout;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.SettableClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The dashboard's figures are counted once per maximum age, whoever asks meanwhile, each municipality's acting for it
 * and all together across them.
 */
class OverviewServiceTest {

    private static final String KOMMUNE = "kommune";
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final Requests requests = mock(Requests.class);
    private final AreaScreeningRepository areas = mock(AreaScreeningRepository.class);
    private final DecisionRepository decisions = mock(DecisionRepository.class);
    private final Municipalities municipalities = mock(Municipalities.class);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private OverviewService overview(Duration maxAge) {
        when(areas.screenedWithinDeadline(any())).thenReturn(new WithinDeadline(1, 1, 100));
        when(municipalities.all()).thenReturn(List.of(municipality(KOMMUNE)));
        return new OverviewService(requests, areas, decisions,
                new DeadlineProperties(5, LocalTime.of(16, 0), COPENHAGEN, Set.of()), clock,
                new OverviewProperties(Duration.ofSeconds(30), maxAge), municipalities,
                mock(PlatformTransactionManager.class), mock(StatementTimeout.class));
    }

    private static Municipality municipality(String id) {
        return new Municipality(id, id + " Kommune", null, null, "Indkøbsscreening <x@" + id + ".example>", null, 1000,
                BigDecimal.valueOf(100_000), null, URI.create("urn:indkoebsscreening:" + id), Map.of(), Set.of(), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void theRefreshCountsEveryMunicipalityActingForItAndAllTogetherOnceAskedAcrossThem() {
        List<Tenancy.Scope> counted = new CopyOnWriteArrayList<>();
        when(requests.countByStatus(any())).thenAnswer(call -> {
            counted.add(Tenancy.current().orElseThrow());
            return List.of();
        });
        OverviewService overview = overview(Duration.ofSeconds(60));
        overview.refresh();
        assertThat(counted).containsExactly(Tenancy.Scope.of(KOMMUNE));

        // Added without a restart: its first visit before the next refresh counts it.
        when(municipalities.all()).thenReturn(List.of(municipality(KOMMUNE), municipality("oestby")));
        counted.clear();
        overview.figuresOf("oestby");
        overview.figuresOfAll();
        assertThat(counted).containsExactly(Tenancy.Scope.of("oestby"), new Tenancy.Scope(null, Set.of(), true));

        counted.clear();
        overview.refresh();
        assertThat(counted).containsExactlyInAnyOrder(Tenancy.Scope.of(KOMMUNE), Tenancy.Scope.of("oestby"),
                new Tenancy.Scope(null, Set.of(), true));
    }

    @Test
    void figuresYoungerThanTheMaximumAgeAreNotCountedAgain() {
        OverviewService overview = overview(Duration.ofSeconds(60));

        Instant first = overview.figuresOf(KOMMUNE).countedAt();
        clock.advance(Duration.ofSeconds(59));
        assertThat(overview.figuresOf(KOMMUNE).countedAt()).isEqualTo(first);
        verify(requests, times(1)).countByStatus(any());

        clock.advance(Duration.ofSeconds(2));
        assertThat(overview.figuresOf(KOMMUNE).countedAt()).isEqualTo(clock.instant());
        verify(requests, times(2)).countByStatus(any());
    }

    @Test
    void theBackgroundRefreshKeepsThemYoungSoThePageNeverCounts() {
        OverviewService overview = overview(Duration.ofSeconds(60));
        overview.refresh();
        clock.advance(Duration.ofSeconds(30));
        overview.refresh();
        Instant refreshed = clock.instant();
        clock.advance(Duration.ofSeconds(45));

        assertThat(overview.figuresOf(KOMMUNE).countedAt()).isEqualTo(refreshed);
        verify(requests, times(2)).countByStatus(any());
    }

    @Test
    void theYearStartsOnTheFirstOfTheMonthElevenMonthsBackInDanishTime() {
        overview(Duration.ZERO).figuresOf(KOMMUNE);

        verify(requests).countByStatus(Instant.parse("2025-12-31T23:00:00Z"));
    }
}
