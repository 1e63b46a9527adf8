package dk.indkoebsscreening.system;

/**
 * What counts as text a person wrote. A field that holds only spaces and characters nobody can see (no-break
 * spaces, zero-width spaces, direction marks, Hangul and braille fillers, the ideographic space) is empty: a
 * required reason of U+200B must not pass as given. Every required text uses this rule, through {@code @NotBlank}
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

    static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT || type == Character.CONTROL
                // Letters and symbols that render as nothing: Hangul fillers, the braille blank, the combining grapheme joiner.
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x034F;
    }

    /** Replaces Hibernate Validator's {@code @NotBlank} check, so that invisible-only text is blank there too. */
    public static class NotBlankValidator implements jakarta.validation.ConstraintValidator<jakarta.validation.constraints.NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, jakarta.validation.ConstraintValidatorContext context) {
            return value != null && !isBlank(value.toString());
        }
    }
}
