package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;

/** A max or average pooling row with a fixed window. */
public record Pool(
    String name,
    SourceLocation location,
    String source,
    PoolKind kind,
    Patch patch,
    int padding,
    Rounding rounding)
    implements Layer {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.visitPool(this);
  }

  public static final String MAX_TYPE = "max_pool";
  public static final String AVG_TYPE = "avg_pool";

  @Override
  public String type() {
    return kind == PoolKind.MAX ? MAX_TYPE : AVG_TYPE;
  }
}
