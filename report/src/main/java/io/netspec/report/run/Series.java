package io.netspec.report.run;

import java.util.List;

/**
 * One training curve: a metric by epoch.
 *
 * @param key the metric's key in {@code metrics.jsonl} ({@code val_loss}, or {@code aux_losses.aux1})
 * @param points the epochs that record it, in file order
 */
public record Series(String key, List<Point> points) {

  public Series {
    points = List.copyOf(points);
  }

  /** One epoch's value. */
  public record Point(double epoch, double value) {}
}
