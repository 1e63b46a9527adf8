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

    public VendorQuestion {
        options = options == null ? List.of() : List.copyOf(options);
        if (answer == VendorAnswerType.CHOICE && options.isEmpty()) {
            throw new IllegalStateException("A vendor question with answer CHOICE needs options: " + text);
        }
    }
}
