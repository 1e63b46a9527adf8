package dk.indkoebsscreening.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.util.unit.DataSize;

/** A size setting within bounds, e.g. {@code @DataSizeRange(min = "1B", max = "2GB")}; null passes (use {@code @NotNull}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DataSizeRange.Validator.class)
public @interface DataSizeRange {

    String min();

    String max();

    String message() default "must be between {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DataSizeRange, DataSize> {

        private DataSize min;
        private DataSize max;

        @Override
        public void initialize(DataSizeRange range) {
            min = DataSize.parse(range.min());
            max = DataSize.parse(range.max());
        }

        @Override
        public boolean isValid(DataSize value, ConstraintValidatorContext context) {
            return value == null || (value.compareTo(min) >= 0 && value.compareTo(max) <= 0);
        }
    }
}
