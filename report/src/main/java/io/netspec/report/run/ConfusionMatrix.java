package io.netspec.report.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * How often each true class was predicted as each class, on a run's held-out images: the one confusion matrix of
 * netspec, which evaluation counts ({@link Tally}), the run folder stores ({@link #toJson}) and the report
 * reads ({@link #read}).
 *
 * <p>A run folder gives it as {@code confusion.json} or, failing that, {@code confusion.csv}:
 * <ul>
 *   <li>{@code confusion.json}: {@code {"classes": ["T-shirt/top", "Trouser", ...], "matrix": [[812, 3, ...],
 *       ...]}}; {@code matrix[t][p]} counts the images of true class {@code t} predicted as {@code p}.
 *       {@code classes} may be left out.
 *   <li>{@code confusion.csv}: a header line whose first cell is ignored and whose other cells name the
 *       predicted classes, then one line per true class: its name, then its counts. Cells are separated by
 *       commas and not quoted.
 * </ul>
 * The matrix must be square with non-negative whole counts. Where no class names are given, the folder's
 * {@code class_indices.json} ({@code {"0": "T-shirt/top", ...}}) names them, and failing that their indices.
 *
 * @param classes the class names, in index order
 * @param counts {@code counts.get(t).get(p)}: images of true class t predicted as p
 */
public record ConfusionMatrix(List<String> classes, List<List<Long>> counts) {

  public static final String JSON_FILE = RunLayout.CONFUSION;
  public static final String CSV_FILE = RunLayout.CONFUSION_CSV;
  public static final String CLASS_INDICES_FILE = RunLayout.CLASS_INDICES;

  public ConfusionMatrix {
    classes = List.copyOf(classes);
    counts = counts.stream().map(List::copyOf).toList();
    int size = classes.size();
    if (counts.size() != size || counts.stream().anyMatch(row -> row.size() != size)) {
      throw new IllegalArgumentException("a confusion matrix of " + size + " classes must be " + size + "x" + size);
    }
    if (counts.stream().flatMap(List::stream).anyMatch(count -> count < 0)) {
      throw new IllegalArgumentException("a confusion matrix counts images: no count may be negative");
    }
  }

  /** The matrix of a run folder, if it has {@value #JSON_FILE} or {@value #CSV_FILE}. */
  public static Optional<ConfusionMatrix> read(Path runFolder) throws IOException {
    Path json = runFolder.resolve(JSON_FILE);
    Path csv = runFolder.resolve(CSV_FILE);
    if (Files.isRegularFile(json)) {
      return Optional.of(fromJson(json, runFolder));
    } else if (Files.isRegularFile(csv)) {
      return Optional.of(fromCsv(csv));
    }
    return Optional.empty();
  }

  public int size() {
    return classes.size();
  }

  public long total() {
    return counts.stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
  }

  /** The images of true class {@code t}. */
  public long rowTotal(int t) {
    return counts.get(t).stream().mapToLong(Long::longValue).sum();
  }

  /** The images of true class {@code truth} predicted as {@code predicted}. */
  public long count(int truth, int predicted) {
    return counts.get(truth).get(predicted);
  }

  /** The fraction of class {@code truth}'s images predicted right (its recall); NaN when it has none. */
  public double classAccuracy(int truth) {
    long total = rowTotal(truth);
    return total == 0 ? Double.NaN : (double) count(truth, truth) / total;
  }

  /** The {@value #JSON_FILE} object: {@code {"classes": [...], "matrix": [[...], ...]}}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    JsonArray names = new JsonArray();
    classes.forEach(names::add);
    json.add("classes", names);
    JsonArray matrix = new JsonArray();
    for (List<Long> row : counts) {
      JsonArray cells = new JsonArray();
      row.forEach(cells::add);
      matrix.add(cells);
    }
    json.add("matrix", matrix);
    return json;
  }

  /** An empty tally over these class names, in class-index order. */
  public static Tally tally(List<String> classes) {
    return new Tally(classes);
  }

  /** Counts predictions one at a time; {@link #matrix} is the matrix so far. */
  public static final class Tally {

    private final List<String> classes;
    private final long[][] counts;

    private Tally(List<String> classes) {
      this.classes = List.copyOf(classes);
      this.counts = new long[classes.size()][classes.size()];
    }

    /** Counts one image of class {@code truth} predicted as {@code predicted}. */
    public void add(int truth, int predicted) {
      counts[truth][predicted]++;
    }

    /** The matrix of what was counted so far. */
    public ConfusionMatrix matrix() {
      List<List<Long>> rows = new ArrayList<>();
      for (long[] row : counts) {
        rows.add(java.util.Arrays.stream(row).boxed().toList());
      }
      return new ConfusionMatrix(classes, rows);
    }
  }

  /** The share of all images on the diagonal, or NaN for an empty matrix. */
  public double accuracy() {
    long correct = IntStream.range(0, size()).mapToLong(i -> counts.get(i).get(i)).sum();
    return total() == 0 ? Double.NaN : (double) correct / total();
  }

  private static ConfusionMatrix fromJson(Path file, Path runFolder) throws IOException {
    try {
      JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonArray matrix = json.getAsJsonArray("matrix");
      if (matrix == null) {
        throw new IOException(file + ": no \"matrix\" array");
      }
      List<List<Long>> counts = new ArrayList<>();
      for (JsonElement row : matrix) {
        List<Long> values = new ArrayList<>();
        for (JsonElement count : row.getAsJsonArray()) {
          values.add(wholeCount(count.getAsDouble(), file));
        }
        counts.add(values);
      }
      List<String> classes = new ArrayList<>();
      if (json.has("classes")) {
        json.getAsJsonArray("classes").forEach(name -> classes.add(name.getAsString()));
      } else {
        classes.addAll(classNames(runFolder, counts.size()));
      }
      return new ConfusionMatrix(classes, counts);
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | ClassCastException e) {
      throw new IOException(file + ": not a confusion matrix as the report reads it: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static ConfusionMatrix fromCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IOException(file + ": empty");
    }
    List<String> header = cells(lines.get(0));
    List<String> classes = header.subList(1, header.size());
    List<List<Long>> counts = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      List<Long> values = new ArrayList<>();
      for (String cell : cells.subList(1, cells.size())) {
        try {
          values.add(wholeCount(Double.parseDouble(cell), file));
        } catch (NumberFormatException e) {
          throw new IOException(file + ": '" + cell + "' is not a count", e);
        }
      }
      counts.add(values);
    }
    try {
      return new ConfusionMatrix(classes, counts);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<String> cells(String line) {
    return List.of(line.split(",", -1)).stream().map(String::strip).toList();
  }

  private static long wholeCount(double value, Path file) throws IOException {
    if (value != Math.rint(value) || Double.isInfinite(value)) {
      throw new IOException(file + ": " + value + " is not a whole count");
    }
    return (long) value;
  }

  /** Names from the folder's {@value #CLASS_INDICES_FILE}, or the indices themselves. */
  private static List<String> classNames(Path runFolder, int size) throws IOException {
    List<String> names = new ArrayList<>(IntStream.range(0, size).mapToObj(Integer::toString).toList());
    Path indices = runFolder.resolve(CLASS_INDICES_FILE);
    if (Files.isRegularFile(indices)) {
      JsonObject json = JsonParser.parseString(Files.readString(indices, StandardCharsets.UTF_8)).getAsJsonObject();
      for (int i = 0; i < size; i++) {
        JsonElement name = json.get(Integer.toString(i));
        if (name != null && name.isJsonPrimitive()) {
          names.set(i, name.getAsString());
        }
      }
    }
    return names;
  }
}
