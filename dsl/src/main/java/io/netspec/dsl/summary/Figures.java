package io.netspec.dsl.summary;

import java.util.Locale;

/** How the summary writes counts: K = 1024 for weights, M = 10^6 for operations, as the paper's table. */
public final class Figures {

  private Figures() {}

  /** Weights in K = 1024: {@code 163328} → {@code 159.5K}, {@code 288} → {@code 0.28K}. */
  public static String kilo(long weights) {
    return scaled(weights / 1024.0, "K");
  }

  /** Multiply-adds in M = 10^6: {@code 128049152} → {@code 128.0M}, {@code 2080} → {@code 0.0021M}. */
  public static String mega(long ops) {
    return scaled(ops / 1e6, "M");
  }

  /** An exact count with thousands separators: {@code 6,998,552}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** One decimal, or more for small values so that at least two significant digits show. */
  private static String scaled(double value, String unit) {
    int decimals = value <= 0 ? 1 : Math.max(1, 1 - (int) Math.floor(Math.log10(value)));
    return String.format(Locale.ROOT, "%,." + decimals + "f%s", value, unit);
  }
}
