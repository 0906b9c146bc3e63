package io.netspec.dsl.load;

import io.netspec.dsl.spec.PrintedFigures;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a row's {@code paper: {params: 2.7K, ops: 34M}}, the figures the paper prints for it. */
final class PrintedFiguresReader {

  private static final List<String> KEYS = List.of("params", "ops");
  private static final Pattern FIGURE = Pattern.compile("[0-9]+(\\.[0-9]+)?[KMG]?");

  private PrintedFiguresReader() {}

  static Optional<PrintedFigures> read(Field paper, Problems problems) {
    if (paper.mapping().isEmpty()) {
      problems.error(paper.location(), "expected a mapping such as {params: 2.7K, ops: 34M}, found "
          + paper.found());
      return Optional.empty();
    }
    Mapping fields = Mapping.read(paper.file(), paper.mapping().get(), problems);
    KnownKeys.check(fields, KEYS, "in 'paper'", problems);
    return Optional.of(new PrintedFigures(figure(fields, "params", problems), figure(fields, "ops", problems)));
  }

  private static Optional<String> figure(Mapping fields, String key, Problems problems) {
    Optional<Field> field = fields.get(key);
    if (field.isPresent() && field.get().scalar().filter(s -> FIGURE.matcher(s).matches()).isEmpty()) {
      problems.error(field.get().location(), "expected a figure such as 2.7K or 34M, found "
          + field.get().found());
      return Optional.empty();
    }
    return field.flatMap(Field::scalar);
  }
}
