package io.netspec.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.report.run.Series;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The charts' axes, read back from the SVG's text: the tick labels the issue found repeated (25%, 25%, 24%,
 * 24%; 20% five times for a constant curve) or odd (a learning-rate axis from -0.6 to 0.6) must be distinct,
 * ordered and, for the learning rate, around the values drawn.
 */
class LineChartTest {

  @Test
  void accuracyTicksOfANarrowRangeAreDistinctAndOrdered() throws Exception {
    List<Double> values = yTicks(chart(LineChart.Scale.PERCENT, 0.2512, 0.2478, 0.2431, 0.2299, 0.2365));
    assertDistinctAndOrdered(values);
    assertTrue(values.size() >= 3, values.toString());
    assertTrue(values.get(0) <= 23 && values.get(values.size() - 1) >= 25, values.toString());
  }

  @Test
  void aConstantCurveGetsDistinctTicks() throws Exception {
    assertDistinctAndOrdered(yTicks(chart(LineChart.Scale.PERCENT, 0.2, 0.2, 0.2, 0.2, 0.2)));
  }

  @Test
  void lossAndLearningRateTicksCoverTheirValues() throws Exception {
    List<Double> loss = yTicks(chart(LineChart.Scale.PLAIN, 5.48, 4.60, 3.73, 3.1));
    assertDistinctAndOrdered(loss);
    List<Double> lr = yTicks(chart(LineChart.Scale.PLAIN, 0.001, 0.0009, 0.0008));
    assertDistinctAndOrdered(lr);
    assertTrue(lr.get(0) >= 0 && lr.get(lr.size() - 1) <= 0.0011, "around 0.001, not -0.6 to 0.6: " + lr);
  }

  @Test
  void epochTicksAreWholeDistinctEpochs() throws Exception {
    List<Double> epochs = xTicks(chart(LineChart.Scale.PLAIN, 1.0, 0.8, 0.7));
    assertDistinctAndOrdered(epochs);
    assertTrue(epochs.stream().allMatch(e -> e == Math.rint(e) && e >= 1 && e <= 3), epochs.toString());
  }

  @Test
  void thePngHasTheSameColoursAsTheSvg() throws IOException {
    LineChart chart = chart(LineChart.Scale.PLAIN, 1.0, 0.8, 0.7);
    String svg = chart.svg("c");
    // val_loss is red, solid: #d62728 in both pictures
    assertTrue(svg.toLowerCase().contains("rgb(214,39,40)") || svg.toLowerCase().contains("#d62728"), svg);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(LineChart.png(List.of(chart, chart))));
    assertEquals(2 * LineChart.WIDTH, image.getWidth());
    boolean red = IntStream.range(0, image.getWidth()).anyMatch(x -> IntStream.range(0, image.getHeight())
        .anyMatch(y -> (image.getRGB(x, y) & 0xffffff) == 0xd62728));
    assertTrue(red, "the held-out curve is drawn in #d62728");
  }

  private static LineChart chart(LineChart.Scale scale, double... values) {
    List<Series.Point> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new Series.Point(i + 1, values[i]));
    }
    return new LineChart("test", "value", List.of(new Series("val_loss", points)), scale);
  }

  private static void assertDistinctAndOrdered(List<Double> ticks) {
    assertTrue(ticks.size() >= 2, "at least two ticks: " + ticks);
    for (int i = 1; i < ticks.size(); i++) {
      assertTrue(ticks.get(i) > ticks.get(i - 1), "distinct and increasing: " + ticks);
    }
  }

  /** The value axis' labels, bottom to top: numeric texts left of the plot. */
  private static List<Double> yTicks(LineChart chart) throws Exception {
    return texts(chart.svg("t")).stream().filter(t -> t.x() < 60 && t.y() < LineChart.HEIGHT - 35 && t.number() != null)
        .sorted(Comparator.comparingDouble(Text::y).reversed()).map(Text::number).toList();
  }

  /** The epoch axis' labels, left to right: numeric texts below the plot. */
  private static List<Double> xTicks(LineChart chart) throws Exception {
    return texts(chart.svg("t")).stream().filter(t -> t.y() > LineChart.HEIGHT - 45 && t.number() != null)
        .sorted(Comparator.comparingDouble(Text::x)).map(Text::number).toList();
  }

  private record Text(double x, double y, String text, Double number) {}

  private static List<Text> texts(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    NodeList nodes = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)))
        .getElementsByTagName("text");
    List<Text> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element text = (Element) nodes.item(i);
      String content = text.getTextContent().strip();
      Double number = null;
      try {
        number = Double.parseDouble(content.replace("%", "").replace(",", ""));
      } catch (NumberFormatException e) {
        // a title or a legend
      }
      double[] at = position(text);
      texts.add(new Text(at[0], at[1], content, number));
    }
    return texts;
  }

  /** The text's position: its x/y attributes plus its own transform's translation, if any. */
  private static double[] position(Element text) {
    double x = attr(text, "x");
    double y = attr(text, "y");
    String transform = text.getAttribute("transform");
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("translate\\(([-0-9.eE]+)[ ,]+([-0-9.eE]+)\\)").matcher(transform);
    if (m.find()) {
      x += Double.parseDouble(m.group(1));
      y += Double.parseDouble(m.group(2));
    }
    m = java.util.regex.Pattern.compile("matrix\\(([-0-9.eE ,]+)\\)").matcher(transform);
    if (m.find()) {
      String[] v = m.group(1).trim().split("[ ,]+");
      x += Double.parseDouble(v[4]);
      y += Double.parseDouble(v[5]);
    }
    return new double[] {x, y};
  }

  private static double attr(Element e, String name) {
    String v = e.getAttribute(name);
    return v.isEmpty() ? 0 : Double.parseDouble(v);
  }
}
