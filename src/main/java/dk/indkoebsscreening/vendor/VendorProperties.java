package dk.indkoebsscreening.vendor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code indkoeb.vendor.*}: how long the vendor's link stays valid.
 *
 * @param linkValidFor working days after the day of the invitation; the link expires at the deadline's time of day on
 *                     the last of them
 * @param remindBefore working days before the expiry at which the vendor is reminded
 */
@Validated
@ConfigurationProperties("indkoeb.vendor")
public record VendorProperties(@Min(1) @Max(60) Integer linkValidFor, @Min(1) @Max(59) Integer remindBefore) {

    public VendorProperties {
        linkValidFor = linkValidFor == null ? 10 : linkValidFor;
        remindBefore = remindBefore == null ? 2 : remindBefore;
        if (remindBefore >= linkValidFor) {
            throw new IllegalArgumentException("indkoeb.vendor.remind-before (" + remindBefore
                    + ") must be less than indkoeb.vendor.link-valid-for (" + linkValidFor + ")");
        }
    }
}
