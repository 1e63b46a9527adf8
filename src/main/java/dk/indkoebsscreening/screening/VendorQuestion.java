package dk.indkoebsscreening.screening;

import java.util.List;

/**
 * A checklist question as it is put to the vendor, who is often foreign: in their words, in Danish and English.
 *
 * @param text    the question to the vendor in Danish
 * @param textEn  the question to the vendor in English
 * @param answer  how it is answered
 * @param options the allowed answers of a {@link VendorAnswerType#CHOICE} question; empty otherwise
 */
public record VendorQuestion(String text, String textEn, VendorAnswerType answer, List<VendorOption> options) {

    /** A question the vendor could not read or answer in both languages fails at start-up, not on the vendor's page. */
    public VendorQuestion {
        options = options == null ? List.of() : List.copyOf(options);
        if (isBlank(text) || isBlank(textEn) || answer == null) {
            throw new IllegalStateException("A vendor question needs text, text-en and answer: " + text);
        }
        if ((answer == VendorAnswerType.CHOICE) == options.isEmpty()) {
            throw new IllegalStateException("A vendor question has options exactly when its answer is CHOICE: " + text);
        }
        if (options.stream().anyMatch(option -> isBlank(option.value()) || isBlank(option.text()) || isBlank(option.textEn()))) {
            throw new IllegalStateException("Each option of a vendor question needs value, text and text-en: " + text);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
