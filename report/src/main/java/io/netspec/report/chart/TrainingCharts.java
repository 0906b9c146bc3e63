package io.netspec.report.chart;

import io.netspec.report.run.TrainingCurves;
import java.util.List;

/**
 * The charts of a run's curves, the same in the run folder's {@code plot.png} and in the report: losses (keys
 * ending in {@code loss} and the auxiliary classifiers' losses), accuracies (keys containing
 * {@code accuracy}, as percentages) and the learning rate ({@code lr}).
 */
public final class TrainingCharts {

  private TrainingCharts() {}

  /** The loss chart. */
  public static LineChart loss(TrainingCurves curves) {
    return new LineChart("Loss", "loss", curves.select(key -> key.endsWith("loss")
        || key.startsWith(CurveStyle.AUX_LOSS_PREFIX)), LineChart.Scale.PLAIN);
  }

  /** The accuracy chart. */
  public static LineChart accuracy(TrainingCurves curves) {
    return new LineChart("Accuracy", "accuracy (%)", curves.select(key -> key.contains("accuracy")),
        LineChart.Scale.PERCENT);
  }

  /** The learning-rate chart. */
  public static LineChart learningRate(TrainingCurves curves) {
    return new LineChart("Learning rate", "learning rate", curves.select("lr"::equals), LineChart.Scale.PLAIN);
  }

  /** {@code plot.png}: loss and accuracy side by side. */
  public static byte[] png(TrainingCurves curves) {
    return LineChart.png(List.of(loss(curves), accuracy(curves)));
  }
}
