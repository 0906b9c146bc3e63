package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.spec.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The keys of one row, read for a {@link RowType}: checks on creation that every key is known to the type,
 * and reads values with the checks and messages every row type shares. Missing or wrong values are reported
 * and replaced by placeholders, so that one pass finds every mistake of the row.
 */
final class RowReader {

  /** Keys every row may have. */
  static final List<String> COMMON_KEYS = List.of("name", "type", "paper");

  private static final Patch PLACEHOLDER_PATCH = Patch.square(1, 1);

  private final RowNode row;
  private final String type;
  private final Problems problems;

  RowReader(RowNode row, RowType type, Problems problems) {
    this.row = row;
    this.type = type.name();
    this.problems = problems;
    List<String> known = new ArrayList<>(COMMON_KEYS);
    known.addAll(type.keys());
    KnownKeys.check(row.fields(), known, "in " + article(this.type) + " " + this.type + " row", problems);
  }

  String name() {
    return row.name().orElse("");
  }

  SourceLocation location() {
    return row.location();
  }

  /** The row as one line, for javadoc and messages. */
  String source() {
    return RowSource.render(row.fields());
  }

  Mapping fields() {
    return row.fields();
  }

  Problems problems() {
    return problems;
  }

  Optional<Field> field(String key) {
    return row.fields().get(key);
  }

  /** The key's field, or a mistake at the row naming the missing key. */
  Optional<Field> required(String key) {
    Optional<Field> field = field(key);
    if (field.isEmpty()) {
      String named = name().isEmpty() ? "" : " '" + name() + "'";
      problems.error(row.location(), type + " row" + named + " is missing required key '" + key + "'");
    }
    return field;
  }

  /** A required count of channels, units or the like: an integer ≥ 1. */
  int requiredCount(String key) {
    return required(key).flatMap(f -> Scalars.integer(f, 1, problems)).orElse(1);
  }

  /** An optional count: an integer ≥ 1. */
  OptionalInt count(String key) {
    Optional<Integer> count = field(key).flatMap(f -> Scalars.integer(f, 1, problems));
    return count.isPresent() ? OptionalInt.of(count.get()) : OptionalInt.empty();
  }

  /** An optional integer ≥ 0 such as a padding, {@code fallback} when absent. */
  int size(String key, int fallback) {
    return field(key).flatMap(f -> Scalars.integer(f, 0, problems)).orElse(fallback);
  }

  Patch requiredPatch(String key) {
    return required(key).flatMap(f -> Scalars.patch(f, problems)).orElse(PLACEHOLDER_PATCH);
  }

  double requiredNumber(String key, NumberRange range) {
    return required(key)
        .map(f -> Scalars.number(f, range, problems).orElse(range.min()))
        .orElse(range.min());
  }

  static String article(String word) {
    return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }
}
