package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;

/**
 * An Inception module row with the table's six numbers. Branches: 1x1; 1x1 reduce then 3x3; 1x1 reduce
 * then the "5x5" patch ({@code fivePatch}, 5 in the paper, 3 in torchvision); 3x3/1 max pool then 1x1
 * pool projection. Output channels are {@code n1x1 + n3x3 + n5x5 + poolProj}.
 */
public record Inception(
    String name,
    SourceLocation location,
    String source,
    int n1x1,
    int n3x3Reduce,
    int n3x3,
    int n5x5Reduce,
    int n5x5,
    int poolProj,
    int fivePatch,
    ConvolutionStyle style)
    implements Layer {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.visitInception(this);
  }

  public static final String TYPE = "inception";

  @Override
  public String type() {
    return TYPE;
  }

  public int outputChannels() {
    return n1x1 + n3x3 + n5x5 + poolProj;
  }
}
