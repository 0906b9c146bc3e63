package io.netspec.runtime.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Charts side by side in one PNG image, drawn with Java2D alone and with no time stamp, so the same charts
 * give the same bytes on the same Java installation.
 */
public final class CurvePlot {

  /** The width of one chart, in pixels. */
  static final int CHART_WIDTH = 500;
  static final int HEIGHT = 420;

  private CurvePlot() {}

  /** The charts, left to right, as PNG bytes. */
  public static byte[] png(List<Chart> charts) {
    int width = CHART_WIDTH * Math.max(1, charts.size());
    BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, HEIGHT);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      for (int i = 0; i < charts.size(); i++) {
        charts.get(i).draw(g, i * CHART_WIDTH, 0, CHART_WIDTH, HEIGHT);
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
