package dk.indkoebsscreening.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts in events have one form, a JSON number with exactly two decimals ({@code 95000.00}): a consumer that
 * compares or hashes the text sees the same amount the same way whether it came from a form, the database or a sum
 * (docs/events.md, "Time and amounts"). A number, not a string, because the schemas declared numbers from 1.0.0 on.
 */
public final class EventAmounts {

    private EventAmounts() {
    }

    /** The amount in kroner and øre; rounded as PostgreSQL's {@code numeric(14, 2)} stores it. */
    public static BigDecimal dkk(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
