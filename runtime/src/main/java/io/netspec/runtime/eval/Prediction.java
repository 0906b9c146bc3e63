package io.netspec.runtime.eval;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes a network finds most likely for one image, with their probabilities (the softmax of its
 * logits), most likely first.
 *
 * @param ranked the top classes
 */
public record Prediction(List<RankedClass> ranked) {

  /** One class and its probability. */
  public record RankedClass(int index, String name, double probability) {}

  public Prediction {
    ranked = List.copyOf(ranked);
  }

  /** The {@code k} most likely classes of each row of {@code (N, classes)} logits. */
  public static List<Prediction> of(NDArray logits, List<String> classes, int k) {
    float[] probabilities;
    try (NDArray softmax = logits.softmax(1)) {
      probabilities = softmax.toFloatArray();
    }
    int n = classes.size();
    List<Prediction> predictions = new ArrayList<>();
    for (int row = 0; row < probabilities.length / n; row++) {
      List<RankedClass> all = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        all.add(new RankedClass(c, classes.get(c), probabilities[row * n + c]));
      }
      all.sort((a, b) -> Double.compare(b.probability(), a.probability()));
      predictions.add(new Prediction(all.subList(0, Math.min(k, n))));
    }
    return predictions;
  }

  /** The most likely class. */
  public RankedClass top() {
    return ranked.get(0);
  }
}
