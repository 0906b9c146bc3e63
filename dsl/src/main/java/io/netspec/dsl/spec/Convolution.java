package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;
import java.util.OptionalInt;

/**
 * A convolution row: {@code patch} with {@code filters} outputs, optionally preceded by a 1x1 reduction
 * (the table's second convolution row, depth 2). Padding keeps the size for stride 1 unless given.
 */
public record Convolution(
    String name,
    SourceLocation location,
    String source,
    Patch patch,
    int padding,
    int filters,
    OptionalInt reduce,
    ConvolutionStyle style)
    implements Layer {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.visitConvolution(this);
  }

  public static final String TYPE = "convolution";

  @Override
  public String type() {
    return TYPE;
  }

  /** The number of convolutional layers in the row, as the table's depth column. */
  public int depth() {
    return reduce.isPresent() ? 2 : 1;
  }
}
