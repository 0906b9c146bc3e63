package io.netspec.report.chart;

import io.netspec.report.run.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The one renderer of training curves, on JFreeChart: a chart of curves by epoch with JFreeChart's tick units
 * (chosen so that no two labels repeat; epochs whole), a legend,
 * and each curve's {@link CurveStyle}. The same chart is written as SVG (the report) or, side by side with
 * others, as PNG (the run folder's {@code plot.png}).
 *
 * @param title the chart's title
 * @param yTitle the value axis' title
 * @param series the curves; a {@link Scale#PERCENT} chart's values are fractions, shown as percentages
 * @param scale how values are shown
 */
public record LineChart(String title, String yTitle, List<Series> series, Scale scale) {

  /** The size of one chart, in pixels. */
  public static final int WIDTH = 560;
  public static final int HEIGHT = 340;

  private static final Color GRID = new Color(0xe0e0e0);

  /** How the value axis shows values. */
  public enum Scale {
    /** As they are: losses, learning rates. */
    PLAIN,
    /** Fractions as percentages: accuracies. */
    PERCENT
  }

  public LineChart {
    series = List.copyOf(series);
  }

  /** The JFreeChart chart. */
  JFreeChart chart() {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    double factor = scale == Scale.PERCENT ? 100 : 1;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int aux = 0;
    for (Series curve : series) {
      CurveStyle style = CurveStyle.of(curve.key(), curve.key().startsWith(CurveStyle.AUX_LOSS_PREFIX) ? aux++ : 0);
      XYSeries line = new XYSeries(style.name(), false, true);
      for (Series.Point point : curve.points()) {
        line.add(point.epoch(), point.value() * factor);
        min = Math.min(min, point.value() * factor);
        max = Math.max(max, point.value() * factor);
      }
      int index = data.getSeriesCount();
      data.addSeries(line);
      renderer.setSeriesPaint(index, style.color());
      renderer.setSeriesShape(index, new Ellipse2D.Double(-3, -3, 6, 6));
      renderer.setSeriesStroke(index, style.dashed()
          ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(2f));
    }
    NumberAxis epochs = new NumberAxis("epoch");
    epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    epochs.setAutoRangeIncludesZero(false);
    NumberAxis values = new NumberAxis(yTitle);
    values.setAutoRangeIncludesZero(false);
    if (max >= min) {
      // a flat curve still gets a readable axis around its value, not ticks a billionth apart
      values.setAutoRangeMinimumSize(Math.max(Math.abs(max) * 0.1, 1e-6));
    }
    for (NumberAxis axis : List.of(epochs, values)) {
      axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    }
    XYPlot plot = new XYPlot(data, epochs, values, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    return chart;
  }

  /**
   * The chart as an {@code <svg>} element to inline in HTML, its labels as SVG text; the ids of its
   * definitions start with {@code idPrefix}, so that several charts can share a page.
   */
  public String svg(String idPrefix) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setDefsKeyPrefix(idPrefix + "-");
    chart().draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement(idPrefix).replaceFirst("<svg ", "<svg class=\"chart\" role=\"img\" aria-label=\""
        + title.replace("\"", "") + "\" ");
  }

  /** Charts side by side, left to right, as one PNG image. */
  public static byte[] png(List<LineChart> charts) {
    int width = WIDTH * Math.max(1, charts.size());
    BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, HEIGHT);
      for (int i = 0; i < charts.size(); i++) {
        Graphics2D panel = (Graphics2D) g.create(i * WIDTH, 0, WIDTH, HEIGHT);
        try {
          charts.get(i).chart().draw(panel, new Rectangle(0, 0, WIDTH, HEIGHT));
        } finally {
          panel.dispose();
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the plot", e); // in memory: does not happen
    }
    return png.toByteArray();
  }
}
