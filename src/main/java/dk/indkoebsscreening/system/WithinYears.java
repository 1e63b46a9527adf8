package dk.indkoebsscreening.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date no more than {@link #value()} years from today, and, where {@link #back()} is given, no more than that many
 * years before it: a plan or a record, not a typing slip (20270301 as a year), and a date the engine's timers and the
 * database can hold.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinYears.Validator.class)
public @interface WithinYears {

    int value();

    /** How many years before today the date may lie; any past date when negative. */
    int back() default -1;

    String message() default "{field.dateTooFar}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WithinYears, LocalDate> {

        private int years;
        private int back;

        @Override
        public void initialize(WithinYears annotation) {
            years = annotation.value();
            back = annotation.back();
        }

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            if (date == null) {
                return true;
            }
            LocalDate today = LocalDate.now(context.getClockProvider().getClock());
            if (back >= 0 && date.isBefore(today.minusYears(back))) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{field.dateTooEarly}").addConstraintViolation();
                return false;
            }
            return !date.isAfter(today.plusYears(years));
        }
    }
}
