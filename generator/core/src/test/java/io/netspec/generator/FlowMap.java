package io.netspec.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A YAML flow mapping as the fuzz test writes spec rows and defaults, {@code {name: conv1, type: convolution,
 * patch: 3x3/1}}, with what the shrinker may take away: optional keys, and integer values it may halve.
 *
 * @param keys the keys in writing order
 */
record FlowMap(List<FlowMap.Key> keys) {

  /**
   * One key.
   *
   * @param name the key
   * @param value the value as written
   * @param optional whether the mapping stays valid without it
   */
  record Key(String name, String value, boolean optional) {}

  FlowMap {
    keys = List.copyOf(keys);
  }

  /** The value of a key; throws if absent. */
  String value(String name) {
    return keys.stream().filter(key -> key.name().equals(name)).findFirst().orElseThrow().value();
  }

  /** This mapping without key {@code index}. */
  FlowMap without(int index) {
    List<Key> rest = new ArrayList<>(keys);
    rest.remove(index);
    return new FlowMap(rest);
  }

  /** This mapping with key {@code index} set to {@code value}. */
  FlowMap with(int index, String value) {
    List<Key> changed = new ArrayList<>(keys);
    Key key = changed.get(index);
    changed.set(index, new Key(key.name(), value, key.optional()));
    return new FlowMap(changed);
  }

  /** Simpler variants: each optional key dropped, then each integer value above 1 halved. */
  List<FlowMap> smaller() {
    List<FlowMap> smaller = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).optional()) {
        smaller.add(without(i));
      }
    }
    for (int i = 0; i < keys.size(); i++) {
      String value = keys.get(i).value();
      if (value.matches("[0-9]+") && Integer.parseInt(value) > 1) {
        smaller.add(with(i, Integer.toString(Integer.parseInt(value) / 2)));
      }
    }
    return smaller;
  }

  String yaml() {
    return keys.stream().map(key -> key.name() + ": " + key.value()).collect(Collectors.joining(", ", "{", "}"));
  }

  /** Builds a mapping key by key. */
  static final class Builder {
    private final List<Key> keys = new ArrayList<>();

    Builder required(String name, Object value) {
      keys.add(new Key(name, String.valueOf(value), false));
      return this;
    }

    Builder optional(String name, Object value) {
      keys.add(new Key(name, String.valueOf(value), true));
      return this;
    }

    FlowMap build() {
      return new FlowMap(keys);
    }
  }
}
