package dk.indkoebsscreening.screening;

/**
 * One answer the vendor may choose for a {@link VendorAnswerType#CHOICE} question.
 *
 * @param value  what is stored
 * @param text   the option in Danish
 * @param textEn the option in English
 */
public record VendorOption(String value, String text, String textEn) {
}
