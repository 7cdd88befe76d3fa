package io.taskgate.ratelimit;

import org.springframework.http.HttpStatus;

import io.taskgate.web.ApiProblem;

/** The one 429 problem both budgets answer with. */
final class ApiProblemsOfLimits {

    private ApiProblemsOfLimits() {
    }

    static ApiProblem tooMany(String detail, long retryAfterSeconds) {
        return ApiProblem.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", detail)
                .with("retryAfterSeconds", retryAfterSeconds);
    }
}
