package io.taskgate.access;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why a decision came out as it did. Grants, the required permission and the lacking positions are
 * recorded while deciding; the summary sentence and the remedies are derived on first access, so
 * that a request which only needs allowed/denied never pays for them. Immutable: the lazily
 * computed values are deterministic, so a racy first access at worst computes them twice.
 */
public final class Explanation {
  private final Check check;
  private final List<Grant> grants;
  private final @Nullable String requiredPermission;
  private final @Nullable DenialReason denialReason;
  private final @Nullable ProjectRole effectiveProjectRole;
  private final List<String> lackingPositionIds;
  private final List<String> trace;
  private @Nullable String summary;
  private @Nullable List<Remedy> remedies;

  Explanation(Check check, List<Grant> grants, @Nullable String requiredPermission,
      @Nullable DenialReason denialReason, @Nullable ProjectRole effectiveProjectRole,
      List<String> lackingPositionIds) {
    this.check = check;
    this.grants = grants;
    this.requiredPermission = requiredPermission;
    this.denialReason = denialReason;
    this.effectiveProjectRole = effectiveProjectRole;
    this.lackingPositionIds = lackingPositionIds;
    this.trace = check.traceSteps();
  }

  /** One sentence for people: who may (not) do what, and why. */
  public String summary() {
    String s = summary;
    if (s == null) {
      s = Summary.of(check, this);
      summary = s;
    }
    return s;
  }

  /** The grants that allowed the check; empty when denied. */
  public List<Grant> grants() {
    return grants;
  }

  /**
   * What was missing, when denied: an action key, a workspace permission key ({@code
   * tasks.edit_all}), {@code project role creator}, {@code access level read_write}, {@code
   * shift.edit}, {@code task creator}, {@code active user}, {@code active api key}…
   */
  public @Nullable String requiredPermission() {
    return requiredPermission;
  }

  public @Nullable DenialReason denialReason() {
    return denialReason;
  }

  /** The principal's effective role in the project, for project checks that reached the project. */
  public @Nullable ProjectRole effectiveProjectRole() {
    return effectiveProjectRole;
  }

  /** For master_task.create: the requested positions the principal is not entitled on. */
  public List<String> lackingPositionIds() {
    return lackingPositionIds;
  }

  /** The changes that would allow the check, each verified by deciding again; empty when allowed. */
  public List<Remedy> remedies() {
    List<Remedy> r = remedies;
    if (r == null) {
      r = denialReason == null ? List.of() : Remedies.find(check.principal, check.action, check.resource);
      remedies = r;
    }
    return r;
  }

  /** Every step of the reasoning, when decided with {@link Detail#TRACE}; otherwise empty. */
  public List<String> trace() {
    return trace;
  }

  @Override
  public String toString() {
    return summary();
  }
}
