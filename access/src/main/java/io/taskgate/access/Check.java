package io.taskgate.access;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One check in progress: the question, the optional trace, and the constructors of its answer.
 * The rules return through {@link #allow} and {@link #deny} so that every decision carries the
 * explanation built while deciding.
 */
final class Check {
  static final String READ_WRITE_REQUIRED = "access level read_write";

  final PrincipalFacts principal;
  final Action action;
  final Resource resource;
  private final @Nullable List<String> trace;

  Check(PrincipalFacts principal, Action action, Resource resource, Detail detail) {
    this.principal = principal;
    this.action = action;
    this.resource = resource;
    this.trace = detail == Detail.TRACE ? new ArrayList<>() : null;
  }

  /** Guard for steps whose text costs something to build. */
  boolean tracing() {
    return trace != null;
  }

  void trace(String step) {
    if (trace != null) {
      trace.add(step);
    }
  }

  List<String> traceSteps() {
    return trace == null ? List.of() : List.copyOf(trace);
  }

  Decision allow(List<Grant> grants, @Nullable ProjectRole effectiveRole) {
    trace("allowed");
    return new Decision(true, true, new Explanation(this, grants, null, null, effectiveRole, List.of()));
  }

  Decision deny(boolean visible, DenialReason reason, String requiredPermission, @Nullable ProjectRole effectiveRole) {
    trace(visible ? "denied" : "denied, and not visible");
    return new Decision(false, visible,
        new Explanation(this, List.of(), requiredPermission, reason, effectiveRole, List.of()));
  }

  Decision denyReadOnly(@Nullable ProjectRole effectiveRole) {
    return deny(true, DenialReason.READ_ONLY_ACCESS, READ_WRITE_REQUIRED, effectiveRole);
  }

  Decision denyPositions(List<String> lackingPositionIds) {
    trace("denied");
    return new Decision(false, true, new Explanation(this, List.of(), PositionPermission.SHIFT_EDIT.key(),
        DenialReason.LACKING_POSITIONS, null, List.copyOf(lackingPositionIds)));
  }

  Decision unsupported() {
    return deny(false, DenialReason.UNSUPPORTED, action.key(), null);
  }
}
