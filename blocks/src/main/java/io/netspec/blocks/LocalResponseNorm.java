package io.netspec.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Local response normalisation across channels, as in AlexNet, the reference Caffe GoogLeNet and
 * PyTorch's {@code LocalResponseNorm}:
 * {@code b[c] = a[c] / (k + alpha / size * sum(a[c']^2))^beta}, the sum over the {@code size}
 * channels {@code c'} around {@code c} (zero beyond the edges). It has no parameters.
 */
public final class LocalResponseNorm extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int size;

  private final float alpha;

  private final float beta;

  private final float k;

  private LocalResponseNorm(Builder builder) {
    super(VERSION);
    size = builder.size;
    alpha = builder.alpha;
    beta = builder.beta;
    k = builder.k;
  }

  /**
   * Creates a builder for {@code LocalResponseNorm}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The number of neighbouring channels summed over.
   *
   * @return size
   */
  public int size() {
    return size;
  }

  /**
   * The scale of the sum, alpha.
   *
   * @return alpha
   */
  public float alpha() {
    return alpha;
  }

  /**
   * The exponent, beta.
   *
   * @return beta
   */
  public float beta() {
    return beta;
  }

  /**
   * The additive constant, k.
   *
   * @return k
   */
  public float k() {
    return k;
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    // with bfloat16 input (Precision.BF16), the sum of squares and the power are computed in FP32
    return new NDList(EngineCasts.inFloat32(inputs.singletonOrThrow(), training, this::normalise));
  }

  private NDArray normalise(NDArray input) {
    Shape shape = input.getShape();
    long channels = shape.get(1);
    NDManager caller = input.getManager();
    try (NDManager scope = caller.newSubManager()) {
      // the arithmetic's intermediate arrays land in scope and are freed with it, the result excepted;
      // what the backward pass needs, the engine keeps
      input.tempAttach(scope);
      // -beta as an engine array: DJL 0.36 wraps a Number in a tensor over a Java buffer that it frees at once,
      // while the backward pass of mul keeps that tensor and would read freed memory
      NDArray negativeBeta = scope.full(new Shape(), -beta, input.getDataType());
      // k + alpha / size * (the sum of the squares over each channel's window), the window sums as one matrix
      // product of a (C, C) band with the squares as (N, C, H * W): C / size times the additions the windows
      // need, yet 2 to 3 times faster forward and backward than the engine's average pool over the channels,
      // which runs window by window (LrnCase in bench/, BENCHMARKS.md)
      NDArray squares = input.square().reshape(shape.get(0), channels, -1);
      NDArray denominator = band(scope, (int) channels).matMul(squares).addi(k);
      // input * denominator^-beta, the power as exp(-beta * log(denominator)): their backward passes are a
      // multiplication and a division, where pow's evaluates pow again; log's output is scaled in place
      // (log's backward pass reads its input, not its output)
      NDArray factor = denominator.reshape(shape).log().muli(negativeBeta).exp();
      NDArray normalised = input.mul(factor);
      normalised.attach(caller);
      return normalised;
    }
  }

  /** The (C, C) matrix whose row c holds alpha / size over the channels of c's window, zeros elsewhere. */
  private NDArray band(NDManager manager, int channels) {
    float[] band = new float[channels * channels];
    float weight = alpha / size;
    for (int c = 0; c < channels; c++) {
      int from = Math.max(0, c - size / 2);
      int to = Math.min(channels - 1, c + (size - 1) / 2);
      for (int other = from; other <= to; other++) {
        band[c * channels + other] = weight;
      }
    }
    // copied into the engine's memory: DJL 0.36 wraps a Java array in a tensor over a Java buffer, which the
    // garbage collector may free while the product's backward pass still holds the tensor
    return manager.create(band, new Shape(channels, channels)).duplicate();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }

  /**
   * Builds a {@link LocalResponseNorm}; the defaults are AlexNet's and Caffe's.
   */
  public static final class Builder {
    private int size = 5;

    private float alpha = 1e-4f;

    private float beta = 0.75f;

    private float k = 1f;

    private Builder() {
    }

    /**
     * Sets the number of neighbouring channels summed over (5 when not set).
     *
     * @param size the window size
     * @return this builder
     */
    public Builder optSize(int size) {
      if (!(size > 0)) {
        throw new IllegalArgumentException("size must be positive: " + size);
      }
      this.size = size;
      return this;
    }

    /**
     * Sets alpha, the scale of the sum (1e-4 when not set).
     *
     * @param alpha alpha
     * @return this builder
     */
    public Builder optAlpha(float alpha) {
      this.alpha = alpha;
      return this;
    }

    /**
     * Sets beta, the exponent (0.75 when not set).
     *
     * @param beta beta
     * @return this builder
     */
    public Builder optBeta(float beta) {
      this.beta = beta;
      return this;
    }

    /**
     * Sets k, the additive constant (1 when not set).
     *
     * @param k k
     * @return this builder
     */
    public Builder optK(float k) {
      this.k = k;
      return this;
    }

    /**
     * Builds the block.
     *
     * @return the block
     */
    public LocalResponseNorm build() {
      return new LocalResponseNorm(this);
    }
  }
}
