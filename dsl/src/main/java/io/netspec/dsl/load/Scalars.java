package io.netspec.dsl.load;

import io.netspec.dsl.spec.Patch;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the scalar values of a spec (integers, numbers, booleans, choices, sizes and patches) from their
 * text as written, reporting a value of the wrong form at its position. YAML's own typing is not used, so
 * that {@code 0x10}, {@code 1_000} or {@code yes} are not silently accepted as numbers or booleans.
 */
final class Scalars {

  /**
   * The largest count (channels, units, classes, padding) a spec may give: far beyond any network's, and small
   * enough that sums of counts, such as an inception's output channels, stay within Java's {@code int}.
   */
  static final int MAX_INTEGER = 1_000_000;

  /** The most digits of one size of {@link #sizes}: at most 99999. */
  private static final int MAX_SIZE_DIGITS = 5;

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern NUMBER = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  private static final Pattern PATCH = Pattern.compile("([0-9]{1,5})x([0-9]{1,5})/([0-9]{1,5})");

  private Scalars() {}

  /** Text, for names and descriptions. */
  static Optional<String> text(Field field, Problems problems) {
    if (field.scalar().isEmpty() || field.scalar().get().isEmpty()) {
      problems.error(field.location(), "expected text for '" + field.key() + "', found " + field.found());
      return Optional.empty();
    }
    return field.scalar();
  }

  /** An integer ≥ {@code min}. */
  static Optional<Integer> integer(Field field, int min, Problems problems) {
    return integer(field, min, "", problems);
  }

  /**
   * An integer ≥ {@code min}, where the key also accepts a word the caller handles ({@code classes}):
   * {@code alternative} completes the message, e.g. {@code " or 'classes'"}.
   */
  static Optional<Integer> integer(Field field, int min, String alternative, Problems problems) {
    Optional<Long> value = field.scalar()
        .filter(s -> INTEGER.matcher(s).matches())
        .map(s -> s.length() > 12 ? (s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE) // beyond any bound
            : Long.parseLong(s));
    if (value.isEmpty() || value.get() < min) {
      problems.error(field.location(),
          "expected an integer ≥ " + min + alternative + ", found " + field.found());
      return Optional.empty();
    }
    if (value.get() > MAX_INTEGER) {
      problems.error(field.location(),
          "expected an integer ≤ " + MAX_INTEGER + alternative + ", found " + field.found());
      return Optional.empty();
    }
    return Optional.of(value.get().intValue());
  }

  /** A number in {@code range}, written in decimal ({@code 0.4}, {@code 1e-4}). */
  static OptionalDouble number(Field field, NumberRange range, Problems problems) {
    Optional<String> text = field.scalar().filter(s -> NUMBER.matcher(s).matches());
    if (text.isPresent() && range.contains(Double.parseDouble(text.get()))) {
      return OptionalDouble.of(Double.parseDouble(text.get()));
    }
    problems.error(field.location(), "expected " + range.describe() + ", found " + field.found());
    return OptionalDouble.empty();
  }

  /** {@code true} or {@code false}. */
  static Optional<Boolean> bool(Field field, Problems problems) {
    return choice(field, Map.of("true", Boolean.TRUE, "false", Boolean.FALSE), "true or false", problems);
  }

  /** One of the words of {@code choices}; {@code expected} describes them for the message. */
  static <T> Optional<T> choice(Field field, Map<String, T> choices, String expected, Problems problems) {
    Optional<T> chosen = field.scalar().map(choices::get);
    if (chosen.isEmpty()) {
      problems.error(field.location(), "expected " + expected + ", found " + field.found());
    }
    return chosen;
  }

  /** A window and stride written {@code HxW/S}, each ≥ 1. */
  static Optional<Patch> patch(Field field, Problems problems) {
    Optional<Matcher> match = field.scalar().map(PATCH::matcher).filter(Matcher::matches);
    if (match.isPresent()) {
      Patch patch = new Patch(group(match.get(), 1), group(match.get(), 2), group(match.get(), 3));
      if (patch.height() >= 1 && patch.width() >= 1 && patch.stride() >= 1) {
        return Optional.of(patch);
      }
    }
    problems.error(field.location(),
        "expected a patch 'HxW/S' such as '3x3/1' (each ≥ 1), found " + field.found());
    return Optional.empty();
  }

  /**
   * Sizes written {@code AxBx...}, {@code count} of them, each ≥ 1.
   *
   * @param form how the message names the expected form, e.g. {@code an input size 'HxWxC' such as '224x224x3'}
   */
  static Optional<int[]> sizes(Field field, int count, String form, Problems problems) {
    Pattern pattern = Pattern.compile(
        "[0-9]{1," + MAX_SIZE_DIGITS + "}(x[0-9]{1," + MAX_SIZE_DIGITS + "}){" + (count - 1) + "}");
    Optional<String> text = field.scalar().filter(s -> pattern.matcher(s).matches());
    if (text.isPresent()) {
      int[] sizes = Arrays.stream(text.get().split("x")).mapToInt(Integer::parseInt).toArray();
      if (Arrays.stream(sizes).allMatch(size -> size >= 1)) {
        return Optional.of(sizes);
      }
    }
    boolean tooLarge = field.scalar()
        .filter(t -> t.matches("[0-9]+(x[0-9]+){" + (count - 1) + "}"))
        .filter(t -> Arrays.stream(t.split("x")).anyMatch(n -> n.length() > MAX_SIZE_DIGITS))
        .isPresent();
    problems.error(field.location(), "expected " + form
        + (tooLarge ? " (each at most " + "9".repeat(MAX_SIZE_DIGITS) + ")" : " (each ≥ 1)") + ", found "
        + field.found());
    return Optional.empty();
  }

  /** A number as a message shows it: {@code 0}, {@code 1}, {@code 0.5}. */
  static String plain(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  private static int group(Matcher matcher, int group) {
    return Integer.parseInt(matcher.group(group));
  }
}
