package dk.indkoebsscreening.system;

/**
 * What counts as text a person wrote. A field that holds no letter, digit, punctuation or symbol anyone can see
 * (only spaces of any kind, zero-width and format characters, variation selectors and other combining marks on
 * nothing, Hangul and braille fillers) is empty: a required reason of U+200B must not pass as given. Every required text uses this rule, through {@code @NotBlank}
 * (META-INF/validation/constraints.xml) and through the services' own checks.
 */
public final class Text {

    private Text() {
    }

    /** Null, empty, or nothing anyone can see. */
    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!isInvisible(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** The text without surrounding white space, or null when it is blank. */
    public static String orNull(String text) {
        return isBlank(text) ? null : text.strip();
    }

    /** Not a letter, digit, punctuation or symbol, or one of those that render as nothing. */
    static boolean isInvisible(int c) {
        return !isSeen(Character.getType(c))
                // Letters and symbols that render as nothing: Hangul fillers, the braille blank, the null notehead.
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x1D159;
    }

    private static boolean isSeen(int type) {
        return switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                 Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                 Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** Replaces Hibernate Validator's {@code @NotBlank} check, so that invisible-only text is blank there too. */
    public static class NotBlankValidator implements jakarta.validation.ConstraintValidator<jakarta.validation.constraints.NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, jakarta.validation.ConstraintValidatorContext context) {
            return value != null && !isBlank(value.toString());
        }
    }
}
