package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.spec.Layer;
import java.util.List;

/** A row type with no keys of its own: {@code global_avg_pool}, {@code softmax}. */
final class KeylessRow implements RowType {

  /** Makes the layer from the row's name, location and source. */
  @FunctionalInterface
  interface Factory {
    Layer create(String name, SourceLocation location, String source);
  }

  private final String name;
  private final Factory factory;

  KeylessRow(String name, Factory factory) {
    this.name = name;
    this.factory = factory;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> keys() {
    return List.of();
  }

  @Override
  public Layer bind(RowReader row, RowContext context) {
    return factory.create(row.name(), row.location(), row.source());
  }
}
