package dk.indkoebsscreening.screening;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The questions put to the vendor, as {@code checklists.yml} configures them: every area asks the vendor something, in
 * Danish and in English addressed to the vendor, and each answer type has what it needs to be answered and taken into
 * the expert's finding.
 */
class VendorQuestionsTest {

    private final ChecklistProperties checklists = load();

    @Test
    void everyAreaAsksTheVendorSomething() {
        for (Area area : Area.values()) {
            assertThat(vendorQuestions(area)).as(area.name()).isNotEmpty();
        }
    }

    @Test
    void everyVendorQuestionHasBothWordingsAddressedToTheVendor() {
        for (Area area : Area.values()) {
            for (ChecklistQuestion question : vendorQuestions(area)) {
                VendorQuestion vendor = question.vendor();
                assertThat(vendor.text()).as(question.id()).isNotBlank().isNotEqualTo(question.text());
                assertThat(vendor.textEn()).as(question.id()).isNotBlank().isNotEqualTo(vendor.text());
                assertThat(vendor.answer()).as(question.id()).isNotNull();
                assertThat(vendor.text().toLowerCase(Locale.ROOT)).as("%s in Danish speaks to the vendor", question.id())
                        .containsAnyOf("i ", "jeres", "løsningen", "kommunen");
                assertThat(vendor.textEn().toLowerCase(Locale.ROOT)).as("%s in English speaks to the vendor", question.id())
                        .containsAnyOf("you", "your", "the service", "the system");
            }
        }
    }

    @Test
    void aChoiceHasOptionsInBothLanguagesAndOtherAnswersHaveNone() {
        for (Area area : Area.values()) {
            for (ChecklistQuestion question : vendorQuestions(area)) {
                VendorQuestion vendor = question.vendor();
                if (vendor.answer() == VendorAnswerType.CHOICE) {
                    assertThat(vendor.options()).as(question.id()).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(vendor.options()).allSatisfy(option -> {
                        // YAML reads an unquoted YES as a boolean: a value is an upper-case word, never "true"
                        assertThat(option.value()).as(question.id()).matches("[A-Z][A-Z_]*");
                        assertThat(option.text()).as(question.id()).isNotBlank();
                        assertThat(option.textEn()).as(question.id()).isNotBlank();
                    });
                    assertThat(vendor.options().stream().map(VendorOption::value).distinct()).hasSameSizeAs(vendor.options());
                } else {
                    assertThat(vendor.options()).as(question.id()).isEmpty();
                }
            }
        }
    }

    @Test
    void aYesNoAnswerHasTheChecklistsYesAndNoToBeTakenInto() {
        for (Area area : Area.values()) {
            for (ChecklistQuestion question : vendorQuestions(area)) {
                if (question.vendor().answer() == VendorAnswerType.YES_NO) {
                    assertThat(question.options()).as(question.id()).contains("JA", "NEJ");
                }
            }
        }
    }

    @Test
    void theSecurityAreaAsksForAnAssuranceReportAsADocument() {
        assertThat(vendorQuestions(Area.SECURITY)).anySatisfy(question ->
                assertThat(question.vendor().answer()).isEqualTo(VendorAnswerType.DOCUMENT));
    }

    private List<ChecklistQuestion> vendorQuestions(Area area) {
        return checklists.forArea(area).stream().filter(question -> question.vendor() != null).toList();
    }

    private static ChecklistProperties load() {
        try {
            Binder binder = new Binder(ConfigurationPropertySources.from(
                    new YamlPropertySourceLoader().load("checklists", new ClassPathResource("checklists.yml"))));
            return binder.bind("indkoeb", ChecklistProperties.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
