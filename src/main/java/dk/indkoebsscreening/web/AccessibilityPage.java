package dk.indkoebsscreening.web;

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
 * a login: what is tested, what is known not to work, and whom to tell.
 */
@PageController
@EnableConfigurationProperties(AccessibilityPage.Properties.class)
class AccessibilityPage {

    private static final Logger LOG = LoggerFactory.getLogger(AccessibilityPage.class);

    /**
     * @param contactEmail    where users report what they cannot use
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

    AccessibilityPage(Properties properties) {
        this.properties = properties;
        if (properties.contactEmail() == null) {
            LOG.warn("indkoeb.accessibility.contact-email is not set: the accessibility statement names no contact, "
                    + "which the Danish web accessibility act requires");
        }
    }

    @GetMapping("/tilgaengelighed")
    String statement(Model model) {
        model.addAttribute("accessibility", properties);
        return "accessibility";
    }
}
