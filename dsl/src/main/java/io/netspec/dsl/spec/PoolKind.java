package io.netspec.dsl.spec;

/** Max or average pooling. */
public enum PoolKind {
  MAX("max pool"),
  AVG("avg pool");

  private final String tableName;

  PoolKind(String tableName) {
    this.tableName = tableName;
  }

  /** The name of the row type in the paper's table. */
  public String tableName() {
    return tableName;
  }
}
