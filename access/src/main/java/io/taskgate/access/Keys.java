package io.taskgate.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Lookup of the product's dotted/lowercase keys, shared by every keyed vocabulary of the core. */
final class Keys {
  private Keys() {}

  static <E> Map<String, E> index(E[] values, Function<E, String> key) {
    Map<String, E> byKey = new HashMap<>();
    for (E value : values) {
      byKey.put(key.apply(value), value);
    }
    return Map.copyOf(byKey);
  }

  static <E> Optional<E> find(Map<String, E> byKey, String key) {
    return Optional.ofNullable(byKey.get(key));
  }
}
