package io.taskgate.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A number in a query parameter ({@code limit}, a version) is decimal digits. Spring's binding
 * falls back to {@code NumberUtils}, which also reads {@code 0x10} and {@code #4} as 16 and 4, so
 * a value the documentation calls malformed was served; it is now the 422 any other malformed
 * number gets. A custom editor is the one thing the binder asks before that fallback.
 */
@ControllerAdvice
class DecimalNumbers {

    @InitBinder
    void decimalOnly(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new Decimal(false, true));
        binder.registerCustomEditor(int.class, new Decimal(false, false));
        binder.registerCustomEditor(Long.class, new Decimal(true, true));
        binder.registerCustomEditor(long.class, new Decimal(true, false));
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final boolean wide;
        private final boolean nullable;

        Decimal(boolean wide, boolean nullable) {
            this.wide = wide;
            this.nullable = nullable;
        }

        @Override
        public void setAsText(String text) {
            String digits = text.strip();
            if (digits.isEmpty() && nullable) {
                setValue(null);
                return;
            }
            int start = digits.startsWith("-") || digits.startsWith("+") ? 1 : 0;
            if (digits.length() == start || !digits.substring(start).chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a decimal number: " + text);
            }
            setValue(wide ? Long.valueOf(digits) : Integer.valueOf(digits));
        }
    }
}
