package io.netspec.blocks;

import ai.djl.ndarray.types.Shape;

/**
 * The style options that {@link ConvolutionUnit}'s and {@link InceptionModule}'s builders share: whether each
 * convolution adds a bias, is followed by batch normalisation (and with which epsilon) and by a ReLU. The
 * defaults are the GoogLeNet paper's: bias, no batch normalisation, ReLU.
 *
 * @param <B> the concrete builder, which the setters return
 */
public abstract class ConvolutionStyleBuilder<B extends ConvolutionStyleBuilder<B>> {

  boolean bias = true;

  boolean batchNorm;

  float batchNormEpsilon = 1e-5f;

  boolean relu = true;

  ConvolutionStyleBuilder() {
  }

  /**
   * This builder, as its own type.
   *
   * @return this builder
   */
  protected abstract B self();

  /**
   * Sets whether the convolutions add a bias (true when not set).
   *
   * @param bias whether to add a bias
   * @return this builder
   */
  public B optBias(boolean bias) {
    this.bias = bias;
    return self();
  }

  /**
   * Sets whether batch normalisation follows each convolution (false when not set).
   *
   * @param batchNorm whether to normalise
   * @return this builder
   */
  public B optBatchNorm(boolean batchNorm) {
    this.batchNorm = batchNorm;
    return self();
  }

  /**
   * Sets the batch normalisation's epsilon (1e-5 when not set).
   *
   * @param batchNormEpsilon the epsilon
   * @return this builder
   */
  public B optBatchNormEpsilon(float batchNormEpsilon) {
    if (!(batchNormEpsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be positive: " + batchNormEpsilon);
    }
    this.batchNormEpsilon = batchNormEpsilon;
    return self();
  }

  /**
   * Sets whether a ReLU follows each convolution (true when not set).
   *
   * @param relu whether to apply a ReLU
   * @return this builder
   */
  public B optRelu(boolean relu) {
    this.relu = relu;
    return self();
  }

  /**
   * A square convolution unit of this style, stride 1, padded to keep the height and width.
   *
   * @param patch the kernel's height and width, odd
   * @param filters the output channels
   * @param reduction the filters of a 1x1 reduction first, 0 for none
   * @return the unit
   */
  ConvolutionUnit sizeKeepingUnit(int patch, int filters, int reduction) {
    return ConvolutionUnit.builder()
        .setKernelShape(new Shape(patch, patch))
        .optPadding(new Shape((patch - 1) / 2, (patch - 1) / 2))
        .setFilters(filters)
        .optReduction(reduction)
        .optBias(bias)
        .optBatchNorm(batchNorm)
        .optBatchNormEpsilon(batchNormEpsilon)
        .optRelu(relu)
        .build();
  }
}
