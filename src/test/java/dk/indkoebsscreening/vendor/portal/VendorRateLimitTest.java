package dk.indkoebsscreening.vendor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VendorRateLimitTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final VendorRateLimit limit = new VendorRateLimit(
            new VendorRateLimit.Properties(3, Duration.ofMinutes(15), 2, Duration.ofHours(1)), clock);

    @Test
    void anAddressWaitsAfterItsRefusedLinksUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.linkWait("203.0.113.7")).isEmpty();
            limit.linkRefused("203.0.113.7");
        }
        assertThat(limit.linkWait("203.0.113.7")).hasValue(Duration.ofMinutes(15));
        assertThat(limit.linkWait("203.0.113.8")).as("another address").isEmpty();

        clock.advance(Duration.ofMinutes(10));
        assertThat(limit.linkWait("203.0.113.7")).hasValue(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(limit.linkWait("203.0.113.7")).isEmpty();
    }

    @Test
    void anIpv6Slash64CountsAsOneAddress() {
        for (int i = 1; i <= 3; i++) {
            limit.linkRefused("2001:db8:1:2::" + i);
        }
        assertThat(limit.linkWait("2001:db8:1:2:ffff::9")).isPresent();
        assertThat(limit.linkWait("2001:db8:1:3::1")).isEmpty();
    }

    @Test
    void anInvitationsWritesAreLimitedPerWindowAndAnotherInvitationsAreNot() {
        UUID invitation = UUID.randomUUID();
        assertThat(limit.write(invitation)).isEmpty();
        assertThat(limit.write(invitation)).isEmpty();
        assertThat(limit.write(invitation)).hasValue(Duration.ofHours(1));
        assertThat(limit.write(UUID.randomUUID())).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(limit.write(invitation)).isEmpty();
    }

    @Test
    void aFloodOfAddressesNeverFreesOneThatWaits() {
        for (int i = 0; i < 3; i++) {
            limit.linkRefused("198.51.100.1");
        }
        for (int i = 0; i < VendorRateLimit.MAX_TRACKED + 10; i++) {
            limit.linkRefused("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(limit.linkWait("198.51.100.1")).isPresent();
    }

    @Test
    void addressesAtTheirLimitStayBoundedInNumberAndTheLatestStillWait() {
        String last = null;
        for (int i = 0; i < VendorRateLimit.MAX_TRACKED + 10; i++) {
            last = "2001:db8:" + Integer.toHexString(i >> 16 & 0xffff) + ":" + Integer.toHexString(i & 0xffff) + "::1";
            for (int j = 0; j < 3; j++) {
                limit.linkRefused(last);
            }
        }
        assertThat(limit.trackedAddresses()).isLessThanOrEqualTo(VendorRateLimit.MAX_TRACKED);
        assertThat(limit.linkWait(last)).isPresent();
    }
}
