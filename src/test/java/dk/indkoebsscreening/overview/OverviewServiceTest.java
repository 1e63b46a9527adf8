package dk.indkoebsscreening.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.decision.DecisionRepository;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.screening.AreaScreeningRepository;
import dk.indkoebsscreening.screening.AreaScreeningRepository.WithinDeadline;
import dk.indkoebsscreening.system.StatementTimeout;
import dk.indkoebsscreening.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

/** The dashboard's figures are counted once per maximum age, whoever asks meanwhile. */
class OverviewServiceTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final Requests requests = mock(Requests.class);
    private final AreaScreeningRepository areas = mock(AreaScreeningRepository.class);
    private final DecisionRepository decisions = mock(DecisionRepository.class);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private OverviewService overview(Duration maxAge) {
        when(areas.screenedWithinDeadline(any())).thenReturn(new WithinDeadline(1, 1, 100));
        return new OverviewService(requests, areas, decisions,
                new DeadlineProperties(5, LocalTime.of(16, 0), COPENHAGEN, Set.of()), clock,
                new OverviewProperties(Duration.ofSeconds(30), maxAge),
                mock(PlatformTransactionManager.class), mock(StatementTimeout.class));
    }

    @Test
    void figuresYoungerThanTheMaximumAgeAreNotCountedAgain() {
        OverviewService overview = overview(Duration.ofSeconds(60));

        Instant first = overview.figures().countedAt();
        clock.advance(Duration.ofSeconds(59));
        assertThat(overview.figures().countedAt()).isEqualTo(first);
        verify(requests, times(1)).countByStatus(any());

        clock.advance(Duration.ofSeconds(2));
        assertThat(overview.figures().countedAt()).isEqualTo(clock.instant());
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

        assertThat(overview.figures().countedAt()).isEqualTo(refreshed);
        verify(requests, times(2)).countByStatus(any());
    }

    @Test
    void theYearStartsOnTheFirstOfTheMonthElevenMonthsBackInDanishTime() {
        overview(Duration.ZERO).figures();

        verify(requests).countByStatus(Instant.parse("2025-12-31T23:00:00Z"));
    }
}
