package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;

/** Dropout with the given rate (the paper's head: 40%). Active in training only. */
public record Dropout(String name, SourceLocation location, String source, double rate) implements Layer {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.visitDropout(this);
  }

  public static final String TYPE = "dropout";

  @Override
  public String type() {
    return TYPE;
  }
}
