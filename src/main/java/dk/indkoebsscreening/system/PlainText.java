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
 * Text a person typed: no control characters ({@link ControlCharacters}; the input boundary refuses them in every
 * request before a form is bound), no bidirectional overrides, isolates or marks (LRM, RLM, ALM: they make a page
 * show text in another order than it is stored, "Trojan Source"), and no line breaks unless {@link #multiline()}.
 * Every text field of every input form carries it (PlainTextCoverageTest).
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
            if (ControlCharacters.firstForbidden(text) >= 0) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean lineBreak = c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029';
                if (lineBreak && !multiline || isBidiControl(c)) {
                    return false;
                }
            }
            return true;
        }

        /** Embeddings, overrides and isolates, and the marks that also reorder what is shown (LRM, RLM, ALM). */
        private static boolean isBidiControl(char c) {
            return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                    || c == '\u200E' || c == '\u200F' || c == '\u061C';
        }
    }
}
