package io.netspec.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.netspec.report.run.ConfusionMatrix;
import java.util.List;

/** Top-1 and top-k hits and the confusion matrix of a classifier, batch after batch of logits. */
public final class Scores {

  /** The k of top-k accuracy. */
  public static final int TOP_K = 5;

  private final ConfusionMatrix.Tally tally;
  private final int classes;
  private long topKHits;

  /** Empty scores over these class names. */
  public Scores(List<String> classes) {
    this.tally = ConfusionMatrix.tally(classes);
    this.classes = classes.size();
  }

  /** Adds one batch: {@code (N, classes)} logits and {@code (N)} class indices. */
  public void add(NDArray logits, NDArray labels) {
    int k = Math.min(TOP_K, classes);
    try (NDArray order = logits.argSort(1, false).toType(DataType.INT32, false);
        NDArray truth = labels.toType(DataType.INT32, false)) {
      int[] ranked = order.toIntArray();
      int[] expected = truth.toIntArray();
      for (int i = 0; i < expected.length; i++) {
        tally.add(expected[i], ranked[i * classes]);
        for (int r = 0; r < k; r++) {
          if (ranked[i * classes + r] == expected[i]) {
            topKHits++;
            break;
          }
        }
      }
    }
  }

  /** The confusion matrix of the batches so far. */
  public ConfusionMatrix confusion() {
    return tally.matrix();
  }

  /** Top-1 accuracy. */
  public double top1() {
    return confusion().accuracy();
  }

  /** The fraction of images whose class is among the {@value #TOP_K} highest logits. */
  public double topK() {
    long total = confusion().total();
    return total == 0 ? Double.NaN : (double) topKHits / total;
  }
}
