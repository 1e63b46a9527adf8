package dk.indkoebsscreening.request;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param euThresholdDkk the EU procurement threshold for municipal goods and services; it changes
 *                       every two years, so it is configuration
 */
@ConfigurationProperties("indkoeb.procurement")
public record ProcurementProperties(BigDecimal euThresholdDkk) {
}
