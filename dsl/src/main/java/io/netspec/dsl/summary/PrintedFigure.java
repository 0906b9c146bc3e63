package io.netspec.dsl.summary;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One figure as the paper prints it ({@code 2.7K}, {@code 34M}), with the precision its digits imply.
 *
 * @param value the figure in units (weights or multiply-adds)
 * @param halfDigit half a unit of the last printed digit, in units: how far rounding alone can move it
 */
record PrintedFigure(double value, double halfDigit) {

  private static final Pattern FIGURE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([KMG]?)");

  /**
   * Parses a figure; {@code base} is 1024 for parameters (the table's K = 1024) and 1000 for operations
   * (M = 10^6).
   */
  static Optional<PrintedFigure> parse(String text, double base) {
    Matcher match = FIGURE.matcher(text);
    if (!match.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(match.group(1));
    int power = match.group(2).isEmpty() ? 0 : "KMG".indexOf(match.group(2)) + 1;
    double unit = Math.pow(base, power);
    double lastDigit = Math.pow(10, -number.scale());
    return Optional.of(new PrintedFigure(number.doubleValue() * unit, lastDigit * unit / 2));
  }

  /** Whether {@code computed} rounds to this figure, or is within {@code relative} of it. */
  boolean agrees(long computed, double relative) {
    double difference = Math.abs(computed - value);
    return difference <= halfDigit || difference <= relative * value;
  }
}
