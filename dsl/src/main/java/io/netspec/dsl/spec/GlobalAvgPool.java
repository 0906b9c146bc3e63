package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;

/** Average over the whole map, leaving 1x1 per channel (the head's 7x7/1 average pool on 224x224 input). */
public record GlobalAvgPool(String name, SourceLocation location, String source) implements Layer {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.visitGlobalAvgPool(this);
  }

  public static final String TYPE = "global_avg_pool";

  @Override
  public String type() {
    return TYPE;
  }
}
