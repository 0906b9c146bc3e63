package io.netspec.dsl.load;

/** The numbers a key accepts, and how a message describes them. */
record NumberRange(double min, boolean minIncluded, double max, boolean maxIncluded) {

  /** Any number ≥ {@code min}. */
  static NumberRange atLeast(double min) {
    return new NumberRange(min, true, Double.POSITIVE_INFINITY, false);
  }

  /** Any number &gt; {@code min}. */
  static NumberRange above(double min) {
    return new NumberRange(min, false, Double.POSITIVE_INFINITY, false);
  }

  /** 0 ≤ x &lt; 1, as a dropout rate. */
  static NumberRange fraction() {
    return new NumberRange(0, true, 1, false);
  }

  boolean contains(double x) {
    boolean aboveMin = minIncluded ? x >= min : x > min;
    boolean belowMax = maxIncluded ? x <= max : x < max;
    return aboveMin && belowMax;
  }

  /** E.g. {@code a number ≥ 0 and < 1}. */
  String describe() {
    String text = "a number " + (minIncluded ? "≥ " : "> ") + Scalars.plain(min);
    return Double.isInfinite(max) ? text : text + " and " + (maxIncluded ? "≤ " : "< ") + Scalars.plain(max);
  }
}
