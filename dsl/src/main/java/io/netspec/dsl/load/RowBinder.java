package io.netspec.dsl.load;

import io.netspec.dsl.spec.Layer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds rows: checks a row's {@code name}, {@code type} and {@code paper}, then hands its other keys to the
 * {@link RowType} its {@code type} names. Also checks that the names of one list are unique.
 */
final class RowBinder {

  private RowBinder() {}

  /** The rows of one list as layers; empty if any row has a mistake (each is reported). */
  static Optional<List<Layer>> bindAll(List<RowNode> rows, RowContext context, Problems problems) {
    int before = problems.count();
    List<Layer> layers = new ArrayList<>();
    for (RowNode row : rows) {
      bind(row, context, problems).ifPresent(layers::add);
    }
    checkUnique(rows, problems);
    return problems.count() == before ? Optional.of(layers) : Optional.empty();
  }

  static Optional<Layer> bind(RowNode row, RowContext context, Problems problems) {
    int before = problems.count();
    Optional<Field> nameField = row.fields().get("name");
    if (nameField.isEmpty()) {
      problems.error(row.location(), "row is missing required key 'name'");
    } else {
      NameRules.check(nameField.get(), "row name", problems);
    }
    row.fields().get("paper").ifPresent(paper -> PrintedFiguresReader.read(paper, problems));
    Optional<RowType> type = type(row, problems);
    Optional<Layer> layer = type.map(t -> t.bind(new RowReader(row, t, problems), context));
    return problems.count() == before ? layer : Optional.empty();
  }

  private static Optional<RowType> type(RowNode row, Problems problems) {
    Optional<Field> field = row.fields().get("type");
    if (field.isEmpty()) {
      String named = row.name().map(n -> " '" + n + "'").orElse("");
      problems.error(row.location(), "row" + named + " is missing required key 'type'");
      return Optional.empty();
    }
    Optional<RowType> type = field.get().scalar().flatMap(RowTypes::named);
    if (type.isEmpty()) {
      String written = field.get().scalar().orElse("");
      problems.error(field.get().location(), "unknown row type " + field.get().found()
          + Suggestions.hint(written, RowTypes.names(), "; known types: " + String.join(", ", RowTypes.names())));
    }
    return type;
  }

  /**
   * Reports a row whose name is already used in the same list, or whose generated accessor would be the same
   * as an earlier row's ({@code conv_1} and {@code conv1}).
   */
  static void checkUnique(List<RowNode> rows, Problems problems) {
    Map<String, Field> byAccessor = new HashMap<>();
    for (RowNode row : rows) {
      Optional<Field> field = row.fields().get("name").filter(f -> f.scalar().isPresent());
      if (field.isEmpty()) {
        continue;
      }
      String name = field.get().scalar().get();
      Field earlier = byAccessor.putIfAbsent(NameRules.lowerCamel(name), field.get());
      if (earlier != null) {
        String earlierName = earlier.scalar().orElse("");
        String where = earlier.file().equals(field.get().file()) ? "line " + earlier.location().line()
            : earlier.location().toString();
        problems.error(field.get().location(), earlierName.equals(name)
            ? "row name '" + name + "' is already used at " + where
            : "row name '" + name + "' becomes '" + NameRules.lowerCamel(name)
                + "' in generated code, as row name '" + earlierName + "' at " + where + " does");
      }
    }
  }
}
