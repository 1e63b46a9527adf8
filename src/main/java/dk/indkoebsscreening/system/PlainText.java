package dk.indkoebsscreening.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: no control characters (NUL, escape, ..., which PostgreSQL refuses or a page would
 * hide), no bidirectional overrides or isolates (which make a page show text in another order than it is
 * stored, "Trojan Source"), no unpaired surrogates, and no line breaks unless {@link #multiline()}. Every
 * text field of every input form carries it (PlainTextCoverageTest).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    /** Whether line breaks and tabs belong in it (a description, not a name). */
    boolean multiline() default false;

    String message() default "{field.controlCharacters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            if (accepts(text, multiline)) {
                return true;
            }
            if (!multiline && accepts(text, true)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{field.singleLine}").addConstraintViolation();
            }
            return false;
        }

        /** The same rule for text that does not come through a form, e.g. the cells of an imported file. */
        public static boolean accepts(String text, boolean multiline) {
            if (text == null) {
                return true;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029';
                if (lineBreakOrTab && !multiline || Character.getType(c) == Character.CONTROL && !lineBreakOrTab
                        || isBidiControl(c) || Character.isSurrogate(c) && !isPairedSurrogate(text, i)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isBidiControl(char c) {
            return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
        }

        private static boolean isPairedSurrogate(String text, int i) {
            char c = text.charAt(i);
            return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
    }
}
