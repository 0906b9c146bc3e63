package io.netspec.runtime.train;

import io.netspec.runtime.plot.Chart;
import io.netspec.runtime.plot.CurvePlot;
import io.netspec.runtime.plot.Series;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The {@code plot.png} of a run folder: losses on the left (training objective, main loss and every auxiliary
 * classifier's loss dashed, held-out loss solid), accuracies on the right (training dashed, held-out solid),
 * each named as {@code metrics.jsonl} names it ({@link EpochMetrics#LOSS} and the others).
 */
final class MetricsPlot {

  private static final Color BLUE = new Color(0x1f77b4);
  private static final Color RED = new Color(0xd62728);
  private static final Color GREEN = new Color(0x2ca02c);
  private static final Color[] AUX_COLORS = {new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};

  private MetricsPlot() {}

  /** The plot of the epochs so far, as PNG bytes. */
  static byte[] png(List<EpochMetrics> epochs) {
    return CurvePlot.png(charts(epochs));
  }

  /** The two charts of the plot. */
  static List<Chart> charts(List<EpochMetrics> epochs) {
    int n = epochs.size();
    return List.of(new Chart("Loss", "", losses(epochs), n), new Chart("Accuracy", "%", accuracies(epochs), n));
  }

  private static List<Series> losses(List<EpochMetrics> epochs) {
    List<Series> series = new ArrayList<>();
    series.add(series(EpochMetrics.LOSS, BLUE, true, epochs, EpochMetrics::loss));
    if (!epochs.isEmpty() && !epochs.get(0).auxLosses().isEmpty()) {
      series.add(series(EpochMetrics.MAIN_LOSS, GREEN, true, epochs, EpochMetrics::mainLoss));
      int i = 0;
      for (String aux : epochs.get(0).auxLosses().keySet()) {
        series.add(series(aux, AUX_COLORS[i++ % AUX_COLORS.length], true, epochs,
            m -> m.auxLosses().getOrDefault(aux, Double.NaN)));
      }
    }
    series.add(series(EpochMetrics.VAL_LOSS, RED, false, epochs, EpochMetrics::validationLoss));
    return series;
  }

  private static List<Series> accuracies(List<EpochMetrics> epochs) {
    return List.of(series(EpochMetrics.TRAIN_ACCURACY, BLUE, true, epochs, m -> 100 * m.trainAccuracy()),
        series(EpochMetrics.VAL_ACCURACY, RED, false, epochs, m -> 100 * m.validationAccuracy()));
  }

  private static Series series(String name, Color color, boolean dashed, List<EpochMetrics> epochs,
      ToDoubleFunction<EpochMetrics> value) {
    return new Series(name, color, dashed, epochs.stream().map(value::applyAsDouble).toList());
  }
}
