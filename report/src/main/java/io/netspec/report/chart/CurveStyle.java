package io.netspec.report.chart;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * How a training curve looks wherever it is drawn (the run folder's {@code plot.png}, the report's charts):
 * its legend name, colour and dash, chosen by its key in {@code metrics.jsonl}. The legend says the name the
 * console and {@code metrics.jsonl} give the figure ({@code loss}, {@code main_loss}, {@code aux1},
 * {@code val_loss}, ...: one name per figure); training figures are dashed, held-out figures solid; the same
 * quantity has the same colour on every chart.
 *
 * @param name the legend's text
 * @param color the line's colour
 * @param dashed whether the line is dashed
 */
public record CurveStyle(String name, Color color, boolean dashed) {

  /** The prefix of the auxiliary classifiers' losses ({@code aux_losses.aux1}). */
  public static final String AUX_LOSS_PREFIX = "aux_losses.";

  private static final Color BLUE = new Color(0x1f77b4);
  private static final Color RED = new Color(0xd62728);
  private static final Color GREEN = new Color(0x2ca02c);
  private static final Color ORANGE = new Color(0xff7f0e);
  private static final Color GREY = new Color(0x7f7f7f);
  private static final List<Color> AUX_COLORS = List.of(new Color(0x9467bd), new Color(0x8c564b),
      new Color(0xe377c2), new Color(0x17becf));

  private static final Map<String, CurveStyle> KNOWN = Map.of(
      "loss", new CurveStyle("loss", BLUE, true),
      "main_loss", new CurveStyle("main_loss", GREEN, true),
      "val_loss", new CurveStyle("val_loss", RED, false),
      "train_accuracy", new CurveStyle("train_accuracy", BLUE, true),
      "val_accuracy", new CurveStyle("val_accuracy", RED, false),
      "lr", new CurveStyle("lr", ORANGE, false));

  /**
   * The style of the curve under {@code key}; {@code auxIndex} is the auxiliary classifier's position among
   * the run's auxiliary losses (only read for {@code aux_losses.*} keys). Unknown keys are grey and named as
   * they are.
   */
  public static CurveStyle of(String key, int auxIndex) {
    if (key.startsWith(AUX_LOSS_PREFIX)) {
      return new CurveStyle(key.substring(AUX_LOSS_PREFIX.length()),
          AUX_COLORS.get(Math.floorMod(auxIndex, AUX_COLORS.size())), true);
    }
    return KNOWN.getOrDefault(key, new CurveStyle(key, GREY, false));
  }
}
