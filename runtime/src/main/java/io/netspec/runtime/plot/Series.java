package io.netspec.runtime.plot;

import java.awt.Color;
import java.util.List;

/**
 * One curve: a name for the legend, a colour, a dash, and a value per epoch (NaN where there is none).
 *
 * @param name legend text
 * @param color line colour
 * @param dashed whether the line is dashed (held-out figures are solid, training ones dashed)
 * @param values value by epoch, from epoch 1
 */
public record Series(String name, Color color, boolean dashed, List<Double> values) {

  public Series {
    values = List.copyOf(values);
  }
}
