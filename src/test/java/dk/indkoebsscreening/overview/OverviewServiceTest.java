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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    private static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration KEPT_WARM = Duration.ofHours(8);

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
                new OverviewProperties(REFRESH_INTERVAL, maxAge, KEPT_WARM), municipalities,
                mock(PlatformTransactionManager.class), mock(StatementTimeout.class));
    }

    private static Municipality municipality(String id) {
        return new Municipality(id, id + " Kommune", null, null, "Indkøbsscreening <x@" + id + ".example>", null, 1000,
                BigDecimal.valueOf(100_000), null, URI.create("urn:indkoebsscreening:" + id), Map.of(), Set.of(), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void theFirstRefreshCountsEveryMunicipalityThenThoseAskedForLatelyEachActingForItAndAllTogetherAcrossThem() {
        List<Tenancy.Scope> counted = countedScopes();
        OverviewService overview = overview(Duration.ofSeconds(60));
        overview.refresh();
        assertThat(counted).as("after the start: every municipality, as if just asked for").containsExactly(Tenancy.Scope.of(KOMMUNE));

        // Added without a restart: its first visit counts it, as does the first visit of all together.
        when(municipalities.all()).thenReturn(List.of(municipality(KOMMUNE), municipality("oestby")));
        counted.clear();
        overview.figuresOf("oestby");
        overview.figuresOfAll();
        assertThat(counted).containsExactly(Tenancy.Scope.of("oestby"), new Tenancy.Scope(null, Set.of(), true));

        counted.clear();
        clock.advance(REFRESH_INTERVAL);
        overview.refresh();
        assertThat(counted).as("each would be older than the maximum age before the next refresh")
                .containsExactlyInAnyOrder(Tenancy.Scope.of(KOMMUNE), Tenancy.Scope.of("oestby"),
                        new Tenancy.Scope(null, Set.of(), true));
    }

    @Test
    void aMunicipalitysCountingHoldsUpNoOtherMunicipalitysVisitors() throws Exception {
        CountDownLatch kommuneCounting = new CountDownLatch(1);
        CountDownLatch kommuneMayFinish = new CountDownLatch(1);
        when(requests.countByStatus(any())).thenAnswer(call -> {
            if (Tenancy.current().orElseThrow().equals(Tenancy.Scope.of(KOMMUNE))) {
                kommuneCounting.countDown();
                kommuneMayFinish.await();
            }
            return List.of();
        });
        OverviewService overview = overview(Duration.ofSeconds(60));
        ExecutorService visitors = Executors.newFixedThreadPool(2);
        try {
            Future<OverviewService.Figures> kommune = visitors.submit(() -> overview.figuresOf(KOMMUNE));
            assertThat(kommuneCounting.await(30, TimeUnit.SECONDS)).isTrue();
            // Bounds a hang (the old lock over every municipality), it measures no speed.
            assertThat(visitors.submit(() -> overview.figuresOf("oestby")).get(30, TimeUnit.SECONDS)).isNotNull();
            assertThat(kommune).isNotDone();
            kommuneMayFinish.countDown();
            assertThat(kommune.get(30, TimeUnit.SECONDS)).isNotNull();
        } finally {
            kommuneMayFinish.countDown();
            visitors.shutdownNow();
        }
    }

    @Test
    void theRefreshLeavesFiguresThatStayYoungUntilTheNextRefreshAndThoseNobodyAskedForLately() {
        List<Tenancy.Scope> counted = countedScopes();
        OverviewService overview = overview(Duration.ofMinutes(5));
        overview.figuresOf(KOMMUNE);
        counted.clear();

        clock.advance(Duration.ofMinutes(2));
        overview.refresh();
        assertThat(counted).as("2 minutes old: still young when the refresh after next comes").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        overview.refresh();
        assertThat(counted).as("3 minutes old: 5 when the refresh after next comes, which may reach it late")
                .containsExactly(Tenancy.Scope.of(KOMMUNE));

        counted.clear();
        clock.advance(KEPT_WARM);
        overview.refresh();
        assertThat(counted).as("nobody has looked for longer than kept-warm").isEmpty();
        assertThat(overview.figuresOf(KOMMUNE).countedAt()).as("the next visit counts").isEqualTo(clock.instant());
        assertThat(counted).containsExactly(Tenancy.Scope.of(KOMMUNE));
    }

    private List<Tenancy.Scope> countedScopes() {
        List<Tenancy.Scope> counted = new CopyOnWriteArrayList<>();
        when(requests.countByStatus(any())).thenAnswer(call -> {
            counted.add(Tenancy.current().orElseThrow());
            return List.of();
        });
        return counted;
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
        overview.figuresOf(KOMMUNE);
        clock.advance(REFRESH_INTERVAL);
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
