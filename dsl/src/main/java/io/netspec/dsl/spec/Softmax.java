package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;

/**
 * The closing softmax row. Generated networks output logits; the loss (training) and the predictor
 * (inference) apply the softmax, so that training stays numerically stable.
 */
public record Softmax(String name, SourceLocation location, String source) implements Layer {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.visitSoftmax(this);
  }

  public static final String TYPE = "softmax";

  @Override
  public String type() {
    return TYPE;
  }
}
