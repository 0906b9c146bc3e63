package io.netspec.dsl.spec;

/** Batch normalisation after a convolution, before its activation. */
public record BatchNorm(double epsilon) {
  public static final double DEFAULT_EPSILON = 1e-5;
}
