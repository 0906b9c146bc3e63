package io.netspec.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * Average pooling to a fixed height and width whatever the input's, as PyTorch's
 * {@code adaptive_avg_pool2d}: output cell {@code i} of {@code out} averages the input from
 * {@code floor(i * in / out)} to {@code ceil((i + 1) * in / out)}, so windows may overlap.
 * The averages are two matrix products, one over the rows and one over the columns: a handful of
 * engine calls, where a mean per output cell took hundreds. It has no parameters.
 *
 * <pre>{@code
 * AdaptiveAvgPool pool = AdaptiveAvgPool.builder().setOutputSize(4, 4).build();
 * }</pre>
 */
public final class AdaptiveAvgPool extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int height;

  private final int width;

  private AdaptiveAvgPool(Builder builder) {
    super(VERSION);
    height = builder.height;
    width = builder.width;
  }

  /**
   * Creates a builder for {@code AdaptiveAvgPool}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The output height.
   *
   * @return the output height
   */
  public int height() {
    return height;
  }

  /**
   * The output width.
   *
   * @return the output width
   */
  public int width() {
    return width;
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    // with bfloat16 input (Precision.BF16), averaged in FP32
    return new NDList(EngineCasts.inFloat32(inputs.singletonOrThrow(), training, this::pool));
  }

  private NDArray pool(NDArray input) {
    NDManager manager = input.getManager();
    long inputHeight = input.getShape().get(2);
    long inputWidth = input.getShape().get(3);
    // pooled = R x input x C: R averages the rows of each window, C its columns
    NDArray rowMeans = engineMatrix(manager, windowMeans(height, inputHeight), height, inputHeight,
        input.getDataType());
    NDArray columnMeans = engineMatrix(manager, windowMeans(width, inputWidth), width, inputWidth,
        input.getDataType()).transpose();
    NDArray columnsPooled = input.matMul(columnMeans);
    NDArray pooled = rowMeans.matMul(columnsPooled);
    List.of(rowMeans, columnMeans, columnsPooled).forEach(NDArray::close);
    return pooled;
  }

  /**
   * A {@code rows x columns} matrix of {@code values} copied into the engine's own memory: on the CPU,
   * DJL's {@code create} wraps the Java buffer without copying it, and the buffer may be freed once the
   * array is closed, while the backward pass of the matrix product still reads the matrix.
   */
  private static NDArray engineMatrix(NDManager manager, float[] values, long rows, long columns,
      DataType dataType) {
    try (NDArray wrapped = manager.create(values, new Shape(rows, columns))) {
      // duplicate() and a change of type both copy; toType() to the same type would not
      return wrapped.getDataType() == dataType ? wrapped.duplicate() : wrapped.toType(dataType, false);
    }
  }

  /**
   * The {@code out x in} matrix whose row {@code i} averages output cell {@code i}'s window: 1 / its
   * length from {@code start(i)} to {@code end(i)}, 0 elsewhere.
   */
  private static float[] windowMeans(int out, long in) {
    float[] weights = new float[Math.toIntExact(out * in)];
    for (int index = 0; index < out; index++) {
      long start = start(index, in, out);
      long end = end(index, in, out);
      for (long at = start; at < end; at++) {
        weights[(int) (index * in + at)] = 1f / (end - start);
      }
    }
    return weights;
  }

  /** The first input index of output cell {@code index}: floor(index * in / out). */
  private static long start(int index, long in, int out) {
    return index * in / out;
  }

  /** One past the last input index of output cell {@code index}: ceil((index + 1) * in / out). */
  private static long end(int index, long in, int out) {
    return ((index + 1) * in + out - 1) / out;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape input = inputShapes[0];
    return new Shape[] {new Shape(input.get(0), input.get(1), height, width)};
  }

  /**
   * Builds an {@link AdaptiveAvgPool}.
   */
  public static final class Builder {
    private int height;

    private int width;

    private Builder() {
    }

    /**
     * Sets the output's height and width.
     *
     * @param height the output height
     * @param width the output width
     * @return this builder
     */
    public Builder setOutputSize(int height, int width) {
      if (height <= 0 || width <= 0) {
        throw new IllegalArgumentException("the output size must be positive: " + height + "x" + width);
      }
      this.height = height;
      this.width = width;
      return this;
    }

    /**
     * Builds the block.
     *
     * @return the block
     * @throws IllegalArgumentException if the output size is not set
     */
    public AdaptiveAvgPool build() {
      if (height <= 0) {
        throw new IllegalArgumentException("the output size is not set");
      }
      return new AdaptiveAvgPool(this);
    }
  }
}
