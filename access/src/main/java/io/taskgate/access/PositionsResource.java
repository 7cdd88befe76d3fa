package io.taskgate.access;

import java.util.List;

/** The positions a master task is created for; the caller must be entitled on every one. */
public record PositionsResource(List<String> positionIds) implements Resource {

  public PositionsResource {
    positionIds = List.copyOf(positionIds);
    if (positionIds.isEmpty()) {
      throw new IllegalArgumentException("a master task needs at least one position");
    }
  }

  public static PositionsResource of(String... positionIds) {
    return new PositionsResource(List.of(positionIds));
  }

  @Override
  public String describe() {
    return (positionIds.size() == 1 ? "position " : "positions ") + String.join(", ", positionIds);
  }
}
