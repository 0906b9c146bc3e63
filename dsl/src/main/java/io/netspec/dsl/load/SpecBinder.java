package io.netspec.dsl.load;

import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.InputShape;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.spec.PrintedFigures;
import io.netspec.dsl.spec.TrainingRecipe;
import io.netspec.dsl.yaml.YamlFile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Binds the top level of a spec: {@code input}, {@code classes}, {@code description}, {@code defaults}, the
 * rows and the auxiliary classifiers. {@link #check} binds one file of a chain on its own, so that a parent's
 * mistakes are reported even where a variant replaces them; {@link #bind} binds the merged chain and adds the
 * checks that need the whole spec: required keys, {@code after}, the class name, the printed figures and the
 * digest.
 */
final class SpecBinder {

  private SpecBinder() {}

  /** Checks every value one file of a chain gives, reporting its mistakes. */
  static void check(SpecDocument document, Problems problems) {
    new Parts(document, problems);
  }

  /** Binds the merged chain; empty if it (or any file of the chain) has mistakes. */
  static Optional<NetworkSpec> bind(SpecDocument merged, List<SpecDocument> chain, Problems problems) {
    int before = problems.count();
    YamlFile file = merged.file();
    for (String key : List.of("input", "classes", "layers")) {
      if (merged.top().get(key).isEmpty()) {
        problems.error(file.start(), "missing required key '" + key + "'"
            + (chain.size() > 1 ? ", in this spec or one it extends" : ""));
      }
    }
    Parts parts = new Parts(merged, problems);
    merged.layers().filter(List::isEmpty).ifPresent(rows -> problems.error(
        merged.top().get("layers").orElseThrow().location(), "'layers' must list at least one row"));
    checkAttachments(merged, problems);
    String fileName = file.path().getFileName().toString();
    Optional<String> className = ClassNames.of(fileName);
    if (className.isEmpty()) {
      problems.error(file.start(), "the file name " + Field.quote(fileName) + " does not give a Java class "
          + "name: use letters, digits, '-' and '_', starting with a letter, and end it with '.yaml'");
    } else {
      ClassNames.unusable(className.get()).ifPresent(reason -> problems.error(file.start(),
          "the file name '" + fileName + "' gives " + reason + "; rename the file"));
    }
    if (problems.count() != before || parts.layers.isEmpty()) {
      return Optional.empty(); // 'layers' that is not a list was reported when the file was read
    }
    return Optional.of(new NetworkSpec(file.name(), className.orElseThrow(), parts.input, parts.classes,
        parts.layers.orElseThrow(), parts.auxClassifiers, printed(merged, problems), sha256(chain),
        parts.description, parts.training));
  }

  /** Auxiliary classifiers: {@code after} must name a row of {@code layers}, names must be new. */
  private static void checkAttachments(SpecDocument merged, Problems problems) {
    List<String> rowNames = merged.layers().orElse(List.of()).stream()
        .flatMap(row -> row.name().stream())
        .collect(Collectors.toList());
    for (AuxNode aux : merged.auxClassifiers().orElse(List.of())) {
      aux.fields().get("after").ifPresent(after -> after.scalar()
          .filter(name -> !name.isEmpty() && !rowNames.contains(name))
          .ifPresent(name -> problems.error(after.location(), "'after' names '" + name
              + "', but no row of 'layers' has that name" + Suggestions.hint(name, rowNames, ""))));
      aux.fields().get("name").ifPresent(name -> name.scalar()
          .filter(rowNames::contains)
          .ifPresent(text -> problems.error(name.location(), "auxiliary classifier name '" + text
              + "' is also the name of a row of 'layers'")));
    }
  }

  /**
   * The {@code paper} figures written in the spec file itself (not inherited), by row name; a row of an
   * auxiliary classifier is named {@code classifier.row}.
   */
  private static Map<String, PrintedFigures> printed(SpecDocument merged, Problems problems) {
    Map<String, PrintedFigures> printed = new LinkedHashMap<>();
    merged.layers().orElse(List.of()).forEach(row -> addPrinted(row, "", merged.file(), printed, problems));
    for (AuxNode aux : merged.auxClassifiers().orElse(List.of())) {
      String prefix = aux.fields().get("name").flatMap(Field::scalar).orElse("") + ".";
      aux.layers().orElse(List.of()).forEach(row -> addPrinted(row, prefix, merged.file(), printed, problems));
    }
    return printed;
  }

  private static void addPrinted(RowNode row, String prefix, YamlFile file, Map<String, PrintedFigures> printed,
      Problems problems) {
    row.fields().get("paper")
        .filter(paper -> paper.file().equals(file))
        .flatMap(paper -> PrintedFiguresReader.read(paper, problems))
        .ifPresent(figures -> printed.put(prefix + row.name().orElse(""), figures));
  }

  /** Hex SHA-256 over the bytes of the spec and then of every spec it extends. */
  private static String sha256(List<SpecDocument> chain) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      chain.forEach(document -> document.file().digestInto(digest));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** A character that ends a line for YAML, Unicode or a terminal: LF, CR, NEL, LS, PS, VT, FF. */
  private static boolean lineBreak(int c) {
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0x0b || c == '\f';
  }

  /** The values one document gives, bound with the checks every file gets. */
  private static final class Parts {
    final int classes;
    final InputShape input;
    final Optional<List<Layer>> layers;
    final List<AuxClassifier> auxClassifiers = new ArrayList<>();
    final String description;
    final TrainingRecipe training;

    Parts(SpecDocument document, Problems problems) {
      Mapping top = document.top();
      classes = top.get("classes").flatMap(f -> Scalars.integer(f, 1, problems)).orElse(1);
      int[] size = top.get("input")
          .flatMap(f -> Scalars.sizes(f, 3, "an input size 'HxWxC' such as '224x224x3'", problems))
          .orElse(new int[] {1, 1, 1});
      input = new InputShape(size[0], size[1], size[2]);
      description = top.get("description").flatMap(field -> description(field, problems)).orElse("");
      training = TrainingReader.read(document.training(), problems);
      RowContext context = new RowContext(Defaults.read(document.defaults(), problems), classes);
      layers = document.layers().flatMap(rows -> RowBinder.bindAll(rows, context, problems));
      List<String> names = new ArrayList<>();
      for (AuxNode node : document.auxClassifiers().orElse(List.of())) {
        AuxBinder.bind(node, context, problems).ifPresent(auxClassifiers::add);
        node.fields().get("name").ifPresent(name -> name.scalar().ifPresent(text -> {
          if (names.contains(text)) {
            problems.error(name.location(), "auxiliary classifier name '" + text + "' is already used");
          }
          names.add(text);
        }));
      }
    }

    /**
     * One line of printable text. Every line break counts (CR, NEL, LS, PS, VT, FF as well as LF), and so does
     * any other control or format character: in one line of text it means nothing, and wherever the text is
     * shown (a terminal, a diff, an editor) it can only hide or rewrite what is around it.
     */
    private static Optional<String> description(Field field, Problems problems) {
      Optional<String> text = Scalars.text(field, problems);
      if (text.isEmpty()) {
        return text;
      }
      if (text.get().codePoints().anyMatch(SpecBinder::lineBreak)) {
        problems.error(field.location(), "'description' must be one line");
        return Optional.empty();
      }
      OptionalInt control = text.get().codePoints()
          .filter(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT)
          .findFirst();
      if (control.isPresent()) {
        problems.error(field.location(), String.format(
            "'description' must be printable text, but it holds control character U+%04X", control.getAsInt()));
        return Optional.empty();
      }
      return text;
    }
  }
}
