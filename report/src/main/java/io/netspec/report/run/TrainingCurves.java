package io.netspec.report.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The curves of a run's {@code metrics.jsonl}: one JSON object per line, one line per epoch, as the runtime's
 * {@code EpochMetrics} writes it ({@code epoch}, {@code loss}, {@code main_loss}, {@code aux_losses: {aux1:
 * ...}}, {@code train_accuracy}, {@code val_loss}, {@code val_accuracy}, {@code lr}, ...).
 *
 * <p>Read defensively: every finite number becomes a curve under its key (one level of nesting as
 * {@code aux_losses.aux1}); a line without {@code epoch} counts as the epoch after the previous one; a line
 * that is not a JSON object is skipped and counted; keys the report does not know are kept, so a new metric
 * shows up without a change here.
 *
 * @param series the curves in the order their keys first appear
 * @param skippedLines lines that were not JSON objects
 */
public record TrainingCurves(List<Series> series, int skippedLines) {

  /** The file name in a run folder. */
  public static final String FILE_NAME = RunLayout.METRICS;

  /** The key of the epoch number. */
  public static final String EPOCH_KEY = "epoch";

  public TrainingCurves {
    series = List.copyOf(series);
  }

  /** Reads a {@code metrics.jsonl} file. */
  public static TrainingCurves read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The curves of {@code metrics.jsonl}'s lines. */
  public static TrainingCurves parse(List<String> lines) {
    Map<String, List<Series.Point>> points = new LinkedHashMap<>();
    int skipped = 0;
    double previousEpoch = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject record = parseObject(line);
      if (record == null) {
        skipped++;
        continue;
      }
      double epoch = number(record.get(EPOCH_KEY)).orElse(previousEpoch + 1);
      previousEpoch = epoch;
      for (Map.Entry<String, JsonElement> entry : record.entrySet()) {
        if (entry.getKey().equals(EPOCH_KEY)) {
          continue;
        }
        if (entry.getValue().isJsonObject()) {
          for (Map.Entry<String, JsonElement> inner : entry.getValue().getAsJsonObject().entrySet()) {
            add(points, entry.getKey() + "." + inner.getKey(), epoch, inner.getValue());
          }
        } else {
          add(points, entry.getKey(), epoch, entry.getValue());
        }
      }
    }
    List<Series> series = new ArrayList<>();
    points.forEach((key, values) -> series.add(new Series(key, values)));
    return new TrainingCurves(series, skipped);
  }

  /** The curves whose key satisfies {@code filter}, in file order. */
  public List<Series> select(Predicate<String> filter) {
    return series.stream().filter(s -> filter.test(s.key())).toList();
  }

  /** The number of epochs: the longest curve's length. */
  public int epochs() {
    return series.stream().mapToInt(s -> s.points().size()).max().orElse(0);
  }

  private static void add(Map<String, List<Series.Point>> points, String key, double epoch, JsonElement value) {
    number(value).ifPresent(
        v -> points.computeIfAbsent(key, k -> new ArrayList<>()).add(new Series.Point(epoch, v)));
  }

  private static OptionalDouble number(JsonElement element) {
    if (element instanceof JsonPrimitive primitive && primitive.isNumber()) {
      double value = primitive.getAsDouble();
      if (Double.isFinite(value)) {
        return OptionalDouble.of(value);
      }
    }
    return OptionalDouble.empty();
  }

  private static JsonObject parseObject(String line) {
    try {
      JsonElement element = JsonParser.parseString(line);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      return null;
    }
  }
}
