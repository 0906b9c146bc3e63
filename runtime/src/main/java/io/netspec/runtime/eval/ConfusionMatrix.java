package io.netspec.runtime.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Counts of held-out images by true class (row) and predicted class (column), as {@code confusion.json}
 * holds them for the report module: {@code {"classes": [...], "matrix": [[...], ...]}}, {@code matrix[t][p]}
 * the images of true class {@code t} predicted as {@code p}.
 */
public final class ConfusionMatrix {

  private final List<String> classes;
  private final long[][] counts;

  /** An empty matrix over these class names, in class-index order. */
  public ConfusionMatrix(List<String> classes) {
    this.classes = List.copyOf(classes);
    this.counts = new long[classes.size()][classes.size()];
  }

  /** Counts one image of class {@code truth} predicted as {@code predicted}. */
  public void add(int truth, int predicted) {
    counts[truth][predicted]++;
  }

  public List<String> classes() {
    return classes;
  }

  /** The images of true class {@code truth} predicted as {@code predicted}. */
  public long count(int truth, int predicted) {
    return counts[truth][predicted];
  }

  /** All images counted. */
  public long total() {
    long total = 0;
    for (long[] row : counts) {
      for (long c : row) {
        total += c;
      }
    }
    return total;
  }

  /** The images of one true class. */
  public long classTotal(int truth) {
    long total = 0;
    for (long c : counts[truth]) {
      total += c;
    }
    return total;
  }

  /** The fraction predicted right over all images (top-1 accuracy); NaN when empty. */
  public double accuracy() {
    long right = 0;
    for (int i = 0; i < counts.length; i++) {
      right += counts[i][i];
    }
    long total = total();
    return total == 0 ? Double.NaN : (double) right / total;
  }

  /** The fraction of class {@code truth}'s images predicted right (its recall); NaN when it has none. */
  public double classAccuracy(int truth) {
    long total = classTotal(truth);
    return total == 0 ? Double.NaN : (double) counts[truth][truth] / total;
  }

  /** The {@code confusion.json} object. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    JsonArray names = new JsonArray();
    classes.forEach(names::add);
    json.add("classes", names);
    JsonArray matrix = new JsonArray();
    for (long[] row : counts) {
      JsonArray cells = new JsonArray();
      for (long c : row) {
        cells.add(c);
      }
      matrix.add(cells);
    }
    json.add("matrix", matrix);
    return json;
  }
}
