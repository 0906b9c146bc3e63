package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;

/**
 * A fully connected row. Its input is flattened first. {@code toClasses} marks a layer whose {@code units}
 * was written {@code classes} in the spec: the generated network takes that width from its builder.
 */
public record Linear(
    String name,
    SourceLocation location,
    String source,
    int units,
    boolean toClasses,
    boolean bias,
    Activation activation)
    implements Layer {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.visitLinear(this);
  }

  public static final String TYPE = "linear";

  @Override
  public String type() {
    return TYPE;
  }
}
