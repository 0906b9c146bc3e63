package io.netspec.report.format;

import java.util.Locale;

/**
 * How the report writes counts, in the units of the paper's Table 1 and of {@code netspec summary}: weights in
 * K = 1024, multiply-adds in M = 10^6, one decimal, more for small values so that two significant digits show.
 */
public final class Counts {

  private Counts() {}

  /** Weights in K = 1024: {@code 163328} → {@code 159.5K}. */
  public static String kilo(long weights) {
    return withUnit(weights / 1024.0, "K");
  }

  /** Multiply-adds in M = 10^6: {@code 128049152} → {@code 128.0M}. */
  public static String mega(long ops) {
    return withUnit(ops / 1e6, "M");
  }

  /** An exact count with thousands separators: {@code 6,998,552}. */
  public static String exact(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  private static String withUnit(double value, String unit) {
    int decimals = 1;
    if (value > 0) {
      decimals = Math.max(1, 1 - (int) Math.floor(Math.log10(value)));
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f%s", value, unit);
  }
}
