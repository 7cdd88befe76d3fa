package io.taskgate.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The Idempotency-Key claim the current request runs under, if any: the audit trail writes it
 * into the events of the request's changes, so a retry after a crash can tell whether the first
 * request took effect.
 */
public final class IdempotencyClaims {

    public static final String ATTRIBUTE = IdempotencyClaims.class.getName() + ".claim";

    private IdempotencyClaims() {
    }

    public static @Nullable String current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null
                : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof String claim ? claim : null;
    }
}
