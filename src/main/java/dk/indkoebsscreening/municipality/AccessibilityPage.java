package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.web.PageController;
import jakarta.validation.constraints.Email;
import org.hibernate.validator.constraints.URL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement (tilgængelighedserklæring), linked from every page's footer and open without
 * a login: what is tested, what is known not to work, and whom to tell: the municipality's accessibility contact (its
 * setting).
 */
@PageController
@EnableConfigurationProperties(AccessibilityPage.Properties.class)
class AccessibilityPage {

    private static final Logger LOG = LoggerFactory.getLogger(AccessibilityPage.class);

    /**
     * @param contactEmail    where users of the installation's first municipality report what they cannot use, taken into
     *                        its settings at its first start (then each municipality's setting)
     * @param statementUrl    the municipality's official statement (made in Digitaliseringsstyrelsen's WAS-Tool), if any
     * @param lastReviewed    when the statement below was last checked against the application, e.g. "1. december 2026"
     */
    @Validated
    @ConfigurationProperties("indkoeb.accessibility")
    record Properties(@Email String contactEmail, @URL(regexp = "^https?:.*") String statementUrl, String lastReviewed) {

        Properties {
            contactEmail = blankToNull(contactEmail);
            statementUrl = blankToNull(statementUrl);
            lastReviewed = blankToNull(lastReviewed);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private final Properties properties;
    private final Municipalities municipalities;

    AccessibilityPage(Properties properties, Municipalities municipalities) {
        this.properties = properties;
        this.municipalities = municipalities;
        if (municipalities.current().accessibilityContact() == null) {
            LOG.warn("The municipality has no accessibility contact (indkoeb.accessibility.contact-email at the first start, "
                    + "then its settings): the accessibility statement names no contact, which the Danish web accessibility act requires");
        }
    }

    @GetMapping("/tilgaengelighed")
    String statement(Model model) {
        model.addAttribute("accessibility", properties);
        model.addAttribute("contactEmail", municipalities.current().accessibilityContact());
        return "accessibility";
    }
}
