package dk.indkoebsscreening.screening;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A vendor question in checklists.yml that could not be shown in both languages or answered stops the start. */
class VendorQuestionTest {

    private static final List<VendorOption> OPTIONS = List.of(new VendorOption("YES", "Ja", "Yes"), new VendorOption("NO", "Nej", "No"));

    @Test
    void aCompleteQuestionIsTaken() {
        assertThatCode(() -> new VendorQuestion("Har I?", "Do you?", VendorAnswerType.CHOICE, OPTIONS)).doesNotThrowAnyException();
        assertThatCode(() -> new VendorQuestion("Har I?", "Do you?", VendorAnswerType.TEXT, null)).doesNotThrowAnyException();
    }

    @Test
    void anIncompleteQuestionIsRefused() {
        assertThatThrownBy(() -> new VendorQuestion("Har I?", " ", VendorAnswerType.YES_NO, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new VendorQuestion(null, "Do you?", VendorAnswerType.YES_NO, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new VendorQuestion("Har I?", "Do you?", null, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new VendorQuestion("Har I?", "Do you?", VendorAnswerType.CHOICE, List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new VendorQuestion("Har I?", "Do you?", VendorAnswerType.YES_NO, OPTIONS))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new VendorQuestion("Har I?", "Do you?", VendorAnswerType.CHOICE, List.of(new VendorOption("YES", "Ja", null))))
                .isInstanceOf(IllegalStateException.class);
    }
}
