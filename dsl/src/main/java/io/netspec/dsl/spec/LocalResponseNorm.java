package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;

/**
 * Local response normalisation across channels: {@code b = a / (k + alpha/size * sum(a^2))^beta}, the sum
 * over {@code size} neighbouring channels, as in Caffe and PyTorch.
 */
public record LocalResponseNorm(
    String name, SourceLocation location, String source, int size, double alpha, double beta, double k)
    implements Layer {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.visitLocalResponseNorm(this);
  }

  public static final String TYPE = "lrn";

  @Override
  public String type() {
    return TYPE;
  }
}
