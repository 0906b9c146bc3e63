package io.netspec.dsl.load;

import java.util.Collection;

/** Reports the keys of a mapping that its place does not know, suggesting the nearest known key. */
final class KnownKeys {

  private KnownKeys() {}

  /**
   * @param where how messages name the place, e.g. {@code "in a convolution row"}
   */
  static void check(Mapping mapping, Collection<String> known, String where, Problems problems) {
    for (Field field : mapping.values()) {
      if (!known.contains(field.key())) {
        problems.error(field.keyLocation(), "unknown key " + Field.quote(field.key()) + " " + where
            + Suggestions.hint(field.key(), known, "; known keys: " + String.join(", ", known)));
      }
    }
  }
}
