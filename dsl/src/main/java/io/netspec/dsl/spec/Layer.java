package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;

/**
 * One row of a spec's {@code layers} list (or of an auxiliary classifier's), after defaults and
 * inheritance are applied.
 */
public sealed interface Layer
    permits Convolution, Pool, GlobalAvgPool, AdaptiveAvgPool, LocalResponseNorm, Inception, Dropout,
        Linear, Softmax {

  /** The row's name, unique in its spec: a lower_snake_case Java-safe identifier. */
  String name();

  /** The row's type as the spec spells it, e.g. {@code convolution}, {@code max_pool}. */
  String type();

  /** Where the row is written. */
  SourceLocation location();

  /** The row as written in the spec, one line, for javadoc and messages. */
  String source();

  /** Calls the visitor's method for this row's kind: the one dispatch on row types (see {@link LayerVisitor}). */
  <R> R accept(LayerVisitor<R> visitor);
}
