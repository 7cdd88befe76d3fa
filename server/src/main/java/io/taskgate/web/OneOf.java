package io.taskgate.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A string from a vocabulary ({@code role}, {@code accessLevel}, {@code visibility}…), judged with
 * the body's other constraints, so that one 422 names every invalid field at once. The vocabulary
 * is the {@code key()} of each constant of an enum, so it cannot drift from the enum. Null passes
 * unless the field is {@code required}; blank never does.
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    /** An enum whose constants each answer their JSON spelling from {@code key()}. */
    Class<? extends Enum<?>> value();

    boolean required() default false;

    String message() default "must be one of the allowed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OneOf, String> {

        private List<String> allowed = List.of();
        private boolean required;

        @Override
        public void initialize(OneOf vocabulary) {
            required = vocabulary.required();
            try {
                Method key = vocabulary.value().getMethod("key");
                List<String> keys = new ArrayList<>();
                for (Enum<?> constant : vocabulary.value().getEnumConstants()) {
                    keys.add((String) key.invoke(constant));
                }
                allowed = List.copyOf(keys);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(vocabulary.value() + " has no public key() method", e);
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null && !required || value != null && allowed.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(value == null || value.isBlank() && required
                    ? "is required" : "must be one of " + String.join(", ", allowed))
                    .addConstraintViolation();
            return false;
        }
    }
}
