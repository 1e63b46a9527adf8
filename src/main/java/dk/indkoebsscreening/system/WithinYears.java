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

/** A date no more than {@link #value()} years from today: a plan, not a typing slip (20270301 as a year). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinYears.Validator.class)
public @interface WithinYears {

    int value();

    String message() default "{field.dateTooFar}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WithinYears, LocalDate> {

        private int years;

        @Override
        public void initialize(WithinYears annotation) {
            years = annotation.value();
        }

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || !date.isAfter(LocalDate.now(context.getClockProvider().getClock()).plusYears(years));
        }
    }
}
