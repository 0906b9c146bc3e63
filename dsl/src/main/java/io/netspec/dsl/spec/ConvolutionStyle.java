package io.netspec.dsl.spec;

import java.util.Optional;

/**
 * What every convolution of a layer shares: bias, batch normalisation, activation. Set in a spec's
 * {@code defaults.convolution} and overridable per row.
 */
public record ConvolutionStyle(boolean bias, Optional<BatchNorm> batchNorm, Activation activation) {

  /** The paper's convolution: with bias, no batch normalisation, ReLU. */
  public static final ConvolutionStyle PAPER = new ConvolutionStyle(true, Optional.empty(), Activation.RELU);
}
