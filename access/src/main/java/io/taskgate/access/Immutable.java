package io.taskgate.access;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Defensive copies made once, when facts are built, so that deciding never has to copy. */
final class Immutable {
  private Immutable() {}

  // An EnumSet, not Set.copyOf: membership is then a bit test on the hot path.
  static Set<WorkspacePermission> permissions(Collection<WorkspacePermission> permissions) {
    EnumSet<WorkspacePermission> copy = EnumSet.noneOf(WorkspacePermission.class);
    copy.addAll(permissions);
    return Collections.unmodifiableSet(copy);
  }

  static Map<String, Set<PositionPermission>> positionPermissions(Map<String, ? extends Collection<PositionPermission>> byPosition) {
    Map<String, Set<PositionPermission>> copy = new HashMap<>();
    byPosition.forEach((positionId, permissions) -> {
      if (!permissions.isEmpty()) {
        EnumSet<PositionPermission> set = EnumSet.noneOf(PositionPermission.class);
        set.addAll(permissions);
        copy.put(positionId, Collections.unmodifiableSet(set));
      }
    });
    return Map.copyOf(copy);
  }
}
