package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;

/**
 * Average pooling to a fixed output size whatever the input size, as PyTorch's {@code adaptive_avg_pool2d}
 * (torchvision's auxiliary classifiers pool to 4x4 this way).
 */
public record AdaptiveAvgPool(String name, SourceLocation location, String source, int height, int width)
    implements Layer {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.visitAdaptiveAvgPool(this);
  }

  public static final String TYPE = "adaptive_avg_pool";

  @Override
  public String type() {
    return TYPE;
  }
}
