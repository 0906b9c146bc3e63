package io.netspec.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Optional;

/**
 * A convolution, then batch normalisation and a ReLU when enabled: one convolution row of the
 * GoogLeNet table. With {@link Builder#optReduction(int)} a 1x1 convolution of the same style
 * reduces the channels first, as the table's depth-2 rows ("3x3 reduce", then "3x3") do.
 *
 * <p>Children: {@code reduction} (if any), {@code conv}, {@code batch_norm} (if enabled); the ReLU has no
 * parameters and is no child. Each intermediate array is closed as soon as the next step has read it.
 */
public final class ConvolutionUnit extends AbstractBlock {
  private static final byte VERSION = 1;

  private final ConvolutionUnit reduction;

  private final Conv2d conv;

  private final BatchNorm batchNorm;

  private final boolean relu;

  private ConvolutionUnit(Builder builder) {
    super(VERSION);
    reduction = builder.reduction > 0 ? addChildBlock("reduction", builder.reductionUnit()) : null;
    conv = addChildBlock("conv", Conv2d.builder()
        .setKernelShape(builder.window.kernelShape())
        .optStride(builder.window.stride())
        .optPadding(builder.window.padding())
        .setFilters(builder.filters)
        .optBias(builder.bias)
        .build());
    batchNorm = builder.batchNorm
        ? addChildBlock("batch_norm", BatchNorm.builder().optEpsilon(builder.batchNormEpsilon).build())
        : null;
    relu = builder.relu;
  }

  /**
   * Creates a builder for {@code ConvolutionUnit}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The 1x1 reduction before the convolution, if any.
   *
   * @return the block, or empty
   */
  public Optional<ConvolutionUnit> reduction() {
    return Optional.ofNullable(reduction);
  }

  /**
   * The convolution.
   *
   * @return the convolution
   */
  public Conv2d conv() {
    return conv;
  }

  /**
   * The batch normalisation after the convolution, if enabled.
   *
   * @return the block, or empty
   */
  public Optional<BatchNorm> batchNorm() {
    return Optional.ofNullable(batchNorm);
  }

  /**
   * Whether a ReLU follows.
   *
   * @return true if the unit ends with a ReLU
   */
  public boolean hasRelu() {
    return relu;
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    // each intermediate result is freed once the next step has read it, not when the training step
    // ends; what the backward pass needs, the engine keeps for itself
    NDList reduced = reduction == null ? inputs : reduction.forward(parameterStore, inputs, training, params);
    NDList x = conv.forward(parameterStore, reduced, training, params);
    if (reduced != inputs) {
      reduced.close();
    }
    if (batchNorm != null) {
      NDList convolved = x;
      x = batchNorm.forward(parameterStore, convolved, training, params);
      convolved.close();
    }
    if (relu) {
      NDList linear = x;
      x = Activation.relu(linear);
      linear.close();
    }
    return x;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return conv.getOutputShapes(reduction == null ? inputShapes : reduction.getOutputShapes(inputShapes));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType,
      Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    if (reduction != null) {
      reduction.initialize(manager, dataType, shapes);
      shapes = reduction.getOutputShapes(shapes);
    }
    conv.initialize(manager, dataType, shapes);
    if (batchNorm != null) {
      batchNorm.initialize(manager, dataType, conv.getOutputShapes(shapes));
    }
  }

  /**
   * Builds a {@link ConvolutionUnit}.
   *
   * <p>Defaults, the GoogLeNet paper's: bias, no batch normalisation, ReLU; stride 1, no padding.
   *
   * <pre>{@code
   * ConvolutionUnit conv2 = ConvolutionUnit.builder()
   *     .setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(192).optReduction(64)
   *     .build();
   * }</pre>
   */
  public static final class Builder extends ConvolutionStyleBuilder<Builder> implements WindowBuilder<Builder> {
    private Window window = Window.UNSET;

    private int filters;

    private int reduction;

    private Builder() {
    }

    @Override
    public Window window() {
      return window;
    }

    @Override
    public Builder optWindow(Window window) {
      this.window = window;
      return this;
    }

    /**
     * Sets the number of output channels.
     *
     * @param filters the number of filters
     * @return this builder
     */
    public Builder setFilters(int filters) {
      if (!(filters > 0)) {
        throw new IllegalArgumentException("filters must be positive: " + filters);
      }
      this.filters = filters;
      return this;
    }

    /**
     * Adds a 1x1 convolution with this many filters before the convolution (0 for none).
     *
     * @param reduction the reduction's number of filters
     * @return this builder
     */
    public Builder optReduction(int reduction) {
      if (!(reduction >= 0)) {
        throw new IllegalArgumentException("reduction must not be negative: " + reduction);
      }
      this.reduction = reduction;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    private ConvolutionUnit reductionUnit() {
      return sizeKeepingUnit(1, reduction, 0);
    }

    /**
     * Builds the unit.
     *
     * @return the unit
     * @throws IllegalArgumentException if the kernel shape or the filters are not set
     */
    public ConvolutionUnit build() {
      if (window.kernelShape() == null || filters <= 0) {
        throw new IllegalArgumentException("a convolution unit needs a kernel shape and a positive number of filters");
      }
      return new ConvolutionUnit(this);
    }
  }
}
