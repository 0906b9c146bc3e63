package io.netspec.dsl.load;

import java.util.List;

/**
 * The parameters of local response normalisation, as {@code defaults.lrn} or an {@code lrn} row gives them.
 * Reads the keys from either place with the same checks.
 */
record LrnSettings(int size, double alpha, double beta, double k) {

  /** The Caffe model's: size 5, alpha 0.0001, beta 0.75, k 1 (spec-format.md). */
  static final LrnSettings DEFAULT = new LrnSettings(5, 0.0001, 0.75, 1);

  static final List<String> KEYS = List.of("size", "alpha", "beta", "k");

  /** The keys of {@code fields} over {@code fallback}. */
  static LrnSettings read(Mapping fields, LrnSettings fallback, Problems problems) {
    return new LrnSettings(
        fields.get("size").flatMap(f -> Scalars.integer(f, 1, problems)).orElse(fallback.size),
        number(fields, "alpha", fallback.alpha, problems),
        number(fields, "beta", fallback.beta, problems),
        number(fields, "k", fallback.k, problems));
  }

  private static double number(Mapping fields, String key, double fallback, Problems problems) {
    return fields.get(key)
        .map(f -> Scalars.number(f, NumberRange.atLeast(0), problems).orElse(fallback))
        .orElse(fallback);
  }
}
