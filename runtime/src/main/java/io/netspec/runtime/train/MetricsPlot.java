package io.netspec.runtime.train;

import io.netspec.report.chart.LineChart;
import io.netspec.report.chart.TrainingCharts;
import io.netspec.report.run.TrainingCurves;
import java.util.List;

/**
 * The {@code plot.png} of a run folder: the report's loss and accuracy charts ({@link TrainingCharts}), drawn
 * from the very lines {@code metrics.jsonl} holds, so the run folder's picture and the report's show the same
 * curves in the same colours, each named as {@code metrics.jsonl} names it ({@link EpochMetrics#LOSS} and the
 * others).
 */
final class MetricsPlot {

  private MetricsPlot() {}

  /** The plot of the epochs so far, as PNG bytes. */
  static byte[] png(List<EpochMetrics> epochs) {
    return TrainingCharts.png(curves(epochs));
  }

  /** The two charts of the plot: loss and accuracy. */
  static List<LineChart> charts(List<EpochMetrics> epochs) {
    TrainingCurves curves = curves(epochs);
    return List.of(TrainingCharts.loss(curves), TrainingCharts.accuracy(curves));
  }

  private static TrainingCurves curves(List<EpochMetrics> epochs) {
    return TrainingCurves.parse(EpochMetrics.toJsonLines(epochs).lines().toList());
  }
}
