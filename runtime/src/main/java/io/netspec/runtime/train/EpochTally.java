package io.netspec.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/** Running sums over the batches of one pass: per-head losses weighted by batch size, correct answers. */
final class EpochTally {

  private final double[] lossSums;
  private long correct;
  private long seen;

  /** @param heads the number of classifier heads whose losses are summed (main first) */
  EpochTally(int heads) {
    this.lossSums = new double[heads];
  }

  /** Adds one batch: its mean loss per head and the main logits against the labels. */
  void add(NDList headLosses, NDArray mainLogits, NDArray labels) {
    long size = labels.size();
    for (int i = 0; i < headLosses.size() && i < lossSums.length; i++) {
      lossSums[i] += headLosses.get(i).getFloat() * size;
    }
    correct += countCorrect(mainLogits, labels);
    seen += size;
  }

  /** How many rows of {@code logits} have their highest score at the label. */
  static long countCorrect(NDArray logits, NDArray labels) {
    try (NDArray predicted = logits.argMax(1).toType(DataType.INT64, false);
        NDArray expected = labels.toType(DataType.INT64, false);
        NDArray hits = predicted.eq(expected)) {
      return hits.countNonzero().getLong();
    }
  }

  long seen() {
    return seen;
  }

  /** The mean loss of head {@code i} (0 the main one) over the images seen. */
  double meanLoss(int i) {
    return seen == 0 ? Double.NaN : lossSums[i] / seen;
  }

  double accuracy() {
    return seen == 0 ? Double.NaN : (double) correct / seen;
  }
}
