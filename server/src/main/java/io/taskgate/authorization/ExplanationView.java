package io.taskgate.authorization;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.taskgate.access.Decision;
import io.taskgate.access.Explanation;
import io.taskgate.access.Grant;
import io.taskgate.access.Remedy;

/** An {@link Explanation} as JSON: the summary, the grants behind an allow, or what was missing and how to fix it. */
public record ExplanationView(
        String summary,
        List<Grant> grants,
        @Nullable String requiredPermission,
        @Nullable String denialReason,
        @Nullable String effectiveProjectRole,
        List<String> lackingPositionIds,
        List<Remedy> remedies,
        List<String> trace) {

    public static ExplanationView of(Decision decision) {
        Explanation explanation = decision.explanation();
        return new ExplanationView(explanation.summary(), explanation.grants(), explanation.requiredPermission(),
                explanation.denialReason() == null ? null
                        : explanation.denialReason().name().toLowerCase(java.util.Locale.ROOT),
                explanation.effectiveProjectRole() == null ? null : explanation.effectiveProjectRole().key(),
                explanation.lackingPositionIds(), explanation.remedies(), explanation.trace());
    }
}
