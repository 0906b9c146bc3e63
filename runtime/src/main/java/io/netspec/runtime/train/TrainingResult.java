package io.netspec.runtime.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a training run produced.
 *
 * @param folder the run folder
 * @param epochs the metrics of every epoch
 * @param bestEpoch the epoch with the highest held-out accuracy (the first of equals)
 * @param seconds wall time of the whole run
 */
public record TrainingResult(Path folder, List<EpochMetrics> epochs, int bestEpoch, double seconds) {

  public TrainingResult {
    epochs = List.copyOf(epochs);
  }

  /** The metrics of the best epoch. */
  public EpochMetrics best() {
    return epochs.get(bestEpoch - 1);
  }

  /** The metrics of the last epoch. */
  public EpochMetrics last() {
    return epochs.get(epochs.size() - 1);
  }
}
