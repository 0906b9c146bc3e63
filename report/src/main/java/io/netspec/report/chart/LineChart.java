package io.netspec.report.chart;

import io.netspec.report.html.HtmlText;
import io.netspec.report.run.Series;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * A line chart of curves by epoch as an inline {@code <svg>} element: axes with round ticks, one coloured line
 * with point markers per curve (each marker's tooltip gives the exact value) and a legend. Numbers are written
 * with {@link Locale#ROOT}, so the same curves give the same markup.
 */
public final class LineChart {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 300;
  private static final int LEFT = 60;
  private static final int RIGHT = 190;
  private static final int TOP = 30;
  private static final int BOTTOM = 42;
  private static final int TICKS = 5;
  private static final List<String> COLOURS =
      List.of("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f");

  /** How the value axis writes numbers. */
  public enum Scale {
    /** Plain numbers: losses. */
    PLAIN,
    /** Fractions written as percentages: accuracies. */
    PERCENT
  }

  private LineChart() {}

  /**
   * The chart of {@code series} (at least one point in all), titled {@code title}.
   *
   * @param label the legend's name for a curve's key
   */
  public static String svg(String title, List<Series> series, Scale scale, Function<String, String> label) {
    Range x = Range.of(series.stream().flatMap(s -> s.points().stream()).mapToDouble(Series.Point::epoch)
        .toArray());
    Range y = Range.of(series.stream().flatMap(s -> s.points().stream()).mapToDouble(Series.Point::value)
        .toArray()).rounded();
    DoubleFunction<String> yText = scale == Scale.PERCENT
        ? v -> number(v * 100, y.step() * 100) + "%"
        : v -> number(v, y.step());
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" aria-label=\"%s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT,
        HtmlText.escape(title)));
    svg.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"18\">")
        .append(HtmlText.escape(title)).append("</text>\n");
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    DoubleFunction<Double> px = v -> LEFT + plotWidth * x.fraction(v);
    DoubleFunction<Double> py = v -> TOP + plotHeight * (1 - y.fraction(v));
    for (double tick : y.ticks()) {
      double at = py.apply(tick);
      svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
          + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
          LEFT, LEFT + plotWidth, at, at, LEFT - 6, at + 4, yText.apply(tick)));
    }
    for (double tick : x.wholeTicks()) {
      double at = px.apply(tick);
      svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
          + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
          at, at, TOP + plotHeight, TOP + plotHeight + 4, at, TOP + plotHeight + 16, number(tick, 1)));
    }
    svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>%n",
        LEFT, LEFT + plotWidth, TOP + plotHeight, TOP + plotHeight));
    svg.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
        + "epoch</text>%n", LEFT + plotWidth / 2, HEIGHT - 6));
    for (int i = 0; i < series.size(); i++) {
      Series curve = series.get(i);
      String colour = COLOURS.get(i % COLOURS.size());
      String name = HtmlText.escape(label.apply(curve.key()));
      svg.append("<g class=\"series\" data-series=\"").append(HtmlText.escape(curve.key())).append("\">");
      StringBuilder points = new StringBuilder();
      for (Series.Point p : curve.points()) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.apply(p.epoch()), py.apply(p.value())));
      }
      svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
          .append(points.toString().strip()).append("\"/>");
      for (Series.Point p : curve.points()) {
        String value = scale == Scale.PERCENT
            ? String.format(Locale.ROOT, "%.2f%%", p.value() * 100)
            : String.format(Locale.ROOT, "%.4f", p.value());
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
            + "<title>%s, epoch %s: %s</title></circle>", px.apply(p.epoch()), py.apply(p.value()), colour, name,
            number(p.epoch(), 1), value));
      }
      int legendY = TOP + 6 + 18 * i;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
          + "stroke-width=\"2\"/><text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>", WIDTH - RIGHT + 14,
          WIDTH - RIGHT + 34, legendY, legendY, colour, WIDTH - RIGHT + 40, legendY + 4, name));
      svg.append("</g>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  /** A tick value with as many decimals as its step needs. */
  private static String number(double value, double step) {
    int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** An axis range, with round tick steps. */
  private record Range(double min, double max, double step) {

    static Range of(double[] values) {
      double min = Arrays.stream(values).min().orElse(0);
      double max = Arrays.stream(values).max().orElse(1);
      if (max - min < 1e-12) {
        min -= 0.5;
        max += 0.5;
      }
      return new Range(min, max, niceStep((max - min) / TICKS));
    }

    /** Widened outwards to whole steps. */
    Range rounded() {
      return new Range(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
    }

    double fraction(double value) {
      return (value - min) / (max - min);
    }

    List<Double> ticks() {
      int count = (int) Math.round((max - min) / step);
      return IntStream.rangeClosed(0, count).mapToObj(i -> min + i * step).toList();
    }

    /** Whole-number ticks (epochs), about twice as many as the value axis has. */
    List<Double> wholeTicks() {
      double every = Math.max(1, niceStep((max - min) / (2 * TICKS)));
      double first = Math.ceil(min / every) * every;
      return DoubleStream.iterate(first, t -> t <= max + 1e-9, t -> t + every).boxed().toList();
    }

    /** 1, 2 or 5 times a power of ten, near {@code rough}. */
    static double niceStep(double rough) {
      double power = Math.pow(10, Math.floor(Math.log10(rough)));
      double scaled = rough / power;
      double nice = scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10;
      return nice * power;
    }
  }
}
