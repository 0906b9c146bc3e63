package io.netspec.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
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
 * parameters and is no child. Each intermediate array is closed as soon as the next step has read it. The
 * {@code conv} child holds the weight and bias; the convolution itself runs through {@code CheckedConvolution},
 * which stands in for the engine's on a processor where that computes the configuration wrong.
 *
 * <p>For inference, {@link #foldBatchNorm()} folds the batch normalisation into the convolution: one convolution
 * with a rewritten weight and bias ({@link FoldedConvolution}) then runs in place of the two. The folded arrays are
 * the unit's own; its parameters keep their trained values, so saving a folded unit's parameters saves what was
 * trained, never the folded weights. A folded unit refuses to run in training.
 */
public final class ConvolutionUnit extends AbstractBlock {
  private static final byte VERSION = 1;

  private final ConvolutionUnit reduction;

  private final Conv2d conv;

  private final BatchNorm batchNorm;

  private final boolean relu;

  private final float batchNormEpsilon;

  /** The convolution's window, which the folded convolution uses too. */
  private final Window window;

  private boolean folded;

  /** The folded convolution's weight and bias (null until folded, or without batch normalisation). */
  private NDArray foldedWeight;

  private NDArray foldedBias;

  /** The folded weight and bias in the compute type of a bfloat16 forward pass (null until one runs). */
  private NDArray castWeight;

  private NDArray castBias;

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
    batchNormEpsilon = builder.batchNormEpsilon;
    window = builder.window;
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

  /**
   * Folds the batch normalisation (and the reduction's) into the convolution for inference, once: from here on
   * the unit computes with {@code w * s} and {@code beta + (b - running_mean) * s}, {@code s = gamma /
   * sqrt(running_var + epsilon)}, from the parameters' current values; load the parameters first. The
   * parameters themselves are left as they are. A unit without batch normalisation computes as before. Folding
   * a folded unit does nothing.
   *
   * @throws IllegalStateException if the unit is not initialised
   */
  public void foldBatchNorm() {
    if (folded) {
      return;
    }
    if (reduction != null) {
      reduction.foldBatchNorm();
    }
    if (batchNorm != null) {
      Parameter weight = conv.getParameters().get("weight");
      if (weight == null || !weight.isInitialized()) {
        throw new IllegalStateException("a convolution unit is folded once its parameters are loaded");
      }
      NDArray w = weight.getArray();
      Parameter bias = conv.getParameters().get("bias");
      PairList<String, Parameter> norm = batchNorm.getParameters();
      FoldedConvolution fold = FoldedConvolution.of(floats(w), bias == null ? null : floats(bias.getArray()),
          floats(norm.get("gamma").getArray()), floats(norm.get("beta").getArray()),
          floats(norm.get("runningMean").getArray()), floats(norm.get("runningVar").getArray()), batchNormEpsilon);
      NDManager manager = w.getManager();
      foldedWeight = manager.create(fold.weight(), w.getShape()).toType(w.getDataType(), false);
      foldedBias = manager.create(fold.bias(), new Shape(fold.bias().length)).toType(w.getDataType(), false);
    }
    folded = true;
  }

  /**
   * Whether {@link #foldBatchNorm()} was called: the unit then runs in inference only.
   *
   * @return true once folded
   */
  public boolean isBatchNormFolded() {
    return folded;
  }

  private static float[] floats(NDArray array) {
    return array.toType(DataType.FLOAT32, false).toFloatArray();
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    if (folded && training) {
      throw new IllegalStateException("this network's batch normalisation is folded into its convolutions for "
          + "inference; it cannot be trained (build and load the network again, without folding, to train it)");
    }
    // each intermediate result is freed once the next step has read it, not when the training step
    // ends; what the backward pass needs, the engine keeps for itself
    NDList reduced = reduction == null ? inputs : reduction.forward(parameterStore, inputs, training, params);
    NDList x = foldedWeight == null ? convolution(parameterStore, reduced.head(), training)
        : foldedConvolution(reduced.head());
    if (reduced != inputs) {
      reduced.close();
    }
    if (batchNorm != null && foldedWeight == null) {
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

  /** The folded convolution: what the convolution and its batch normalisation compute in inference. */
  private NDList foldedConvolution(NDArray input) {
    NDArray weight = foldedWeight;
    NDArray bias = foldedBias;
    if (input.getDataType() != weight.getDataType()) { // bfloat16 inference: the folded arrays cast once
      if (castWeight == null || castWeight.getDataType() != input.getDataType()) {
        castWeight = EngineCasts.typeAs(foldedWeight, input, false);
        castBias = EngineCasts.typeAs(foldedBias, input, false);
      }
      weight = castWeight;
      bias = castBias;
    }
    return new NDList(CheckedConvolution.conv2d(input, weight.toDevice(input.getDevice(), false),
        bias.toDevice(input.getDevice(), false), window.stride(), window.padding(), false));
  }

  /**
   * The convolution child's computation, as DJL's {@code Conv2d} runs it, through {@link CheckedConvolution}: its
   * weight and bias as the store hands them (cast to the compute type in a bfloat16 pass).
   */
  private NDList convolution(ParameterStore parameterStore, NDArray input, boolean training) {
    PairList<String, Parameter> parameters = conv.getParameters();
    NDArray weight = parameterStore.getValue(parameters.get("weight"), input.getDevice(), training);
    Parameter biasParameter = parameters.get("bias");
    NDArray bias = biasParameter == null ? null : parameterStore.getValue(biasParameter, input.getDevice(), training);
    return new NDList(CheckedConvolution.conv2d(input, weight, bias, window.stride(), window.padding(), training));
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
