package io.netspec.runtime.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * One panel of a plot: a title, axes with ticks, and curves over epochs 1 to {@code epochs}, drawn into a
 * rectangle of a {@link Graphics2D}.
 *
 * @param title the panel's title
 * @param unit appended to the y-axis tick labels ({@code %} for accuracy)
 * @param series the curves
 * @param epochs the x-axis length
 */
public record Chart(String title, String unit, List<Series> series, int epochs) {

  public Chart {
    series = List.copyOf(series);
  }

  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 34;
  private static final int BOTTOM = 44;
  private static final int TICKS = 5;
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

  /** Draws the panel into {@code x, y, width, height}. */
  void draw(Graphics2D g, int x, int y, int width, int height) {
    int left = x + LEFT;
    int top = y + TOP;
    int plotWidth = width - LEFT - RIGHT;
    int plotHeight = height - TOP - BOTTOM;
    double[] range = range();
    FontMetrics metrics = g.getFontMetrics();
    g.setColor(Color.BLACK);
    g.drawString(title, x + (width - metrics.stringWidth(title)) / 2, y + 20);
    for (int i = 0; i <= TICKS; i++) {
      double value = range[0] + (range[1] - range[0]) * i / TICKS;
      int ty = top + plotHeight - (int) Math.round(plotHeight * (double) i / TICKS);
      g.setColor(GRID);
      g.drawLine(left, ty, left + plotWidth, ty);
      g.setColor(Color.BLACK);
      String label = tick(value) + unit;
      g.drawString(label, left - 6 - metrics.stringWidth(label), ty + metrics.getAscent() / 2 - 1);
    }
    int step = Math.max(1, (int) Math.ceil(epochs / 10.0));
    for (int e = 1; e <= epochs; e += step) {
      int tx = xOf(e, left, plotWidth);
      g.drawLine(tx, top + plotHeight, tx, top + plotHeight + 4);
      String label = Integer.toString(e);
      g.drawString(label, tx - metrics.stringWidth(label) / 2, top + plotHeight + 6 + metrics.getAscent());
    }
    g.drawString("epoch", left + (plotWidth - metrics.stringWidth("epoch")) / 2, y + height - 6);
    g.drawRect(left, top, plotWidth, plotHeight);
    for (Series s : series) {
      curve(g, s, left, top, plotWidth, plotHeight, range);
    }
    legend(g, left + 8, top + 8);
  }

  private void curve(Graphics2D g, Series s, int left, int top, int plotWidth, int plotHeight, double[] range) {
    g.setColor(s.color());
    g.setStroke(s.dashed()
        ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
        : new BasicStroke(2f));
    Path2D.Double path = new Path2D.Double();
    boolean drawing = false;
    for (int i = 0; i < s.values().size(); i++) {
      double v = s.values().get(i);
      if (!Double.isFinite(v)) {
        drawing = false;
        continue;
      }
      double px = xOf(i + 1, left, plotWidth);
      double py = top + plotHeight - plotHeight * (v - range[0]) / (range[1] - range[0]);
      if (drawing) {
        path.lineTo(px, py);
      } else {
        path.moveTo(px, py);
        drawing = true;
      }
      g.fillOval((int) Math.round(px) - 3, (int) Math.round(py) - 3, 6, 6);
    }
    g.draw(path);
    g.setStroke(new BasicStroke(1f));
  }

  private void legend(Graphics2D g, int x, int y) {
    FontMetrics metrics = g.getFontMetrics();
    int line = metrics.getHeight();
    int width = 34 + series.stream().mapToInt(s -> metrics.stringWidth(s.name())).max().orElse(0);
    g.setColor(Color.WHITE);
    g.fillRect(x - 4, y - 2, width, series.size() * line + 4);
    g.setColor(GRID);
    g.drawRect(x - 4, y - 2, width, series.size() * line + 4);
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      int ly = y + i * line + line / 2;
      g.setColor(s.color());
      g.setStroke(s.dashed()
          ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(2f));
      g.drawLine(x, ly, x + 22, ly);
      g.setStroke(new BasicStroke(1f));
      g.setColor(Color.BLACK);
      g.drawString(s.name(), x + 28, ly + metrics.getAscent() / 2 - 1);
    }
  }

  private int xOf(int epoch, int left, int plotWidth) {
    return epochs <= 1 ? left + plotWidth / 2 : left + (int) Math.round(plotWidth * (epoch - 1.0) / (epochs - 1));
  }

  /** The y range: the values' span, widened a little, never empty. */
  private double[] range() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : s.values()) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (min > max) {
      return new double[] {0, 1};
    }
    double pad = max > min ? (max - min) * 0.08 : Math.max(Math.abs(max) * 0.1, 0.05);
    return new double[] {Math.max(0, min - pad), max + pad};
  }

  private static String tick(double value) {
    return Math.abs(value) >= 10 ? String.format("%.0f", value) : String.format("%.2f", value);
  }
}
