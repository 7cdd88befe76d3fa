package io.taskgate.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A string from a vocabulary ({@code role}, {@code accessLevel}, {@code visibility}…), judged with
 * the body's other constraints, so that one 422 names every invalid field at once. Null and blank
 * pass: whether the field is required is {@code @NotBlank}'s to say.
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    String[] value();

    String message() default "must be one of the allowed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OneOf, String> {

        private List<String> allowed = List.of();

        @Override
        public void initialize(OneOf vocabulary) {
            allowed = List.of(vocabulary.value());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || allowed.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", allowed))
                    .addConstraintViolation();
            return false;
        }
    }
}
