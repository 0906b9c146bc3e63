package io.netspec.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * An Inception module, as the GoogLeNet table's six columns describe it: four branches over the
 * same input, their outputs concatenated along the channels in this order:
 * <ol>
 *   <li>{@code branch1x1}: a 1x1 convolution ("#1x1");
 *   <li>{@code branch3x3}: a 1x1 reduction ("#3x3 reduce"), then a 3x3 convolution ("#3x3");
 *   <li>{@code branch5x5}: a 1x1 reduction ("#5x5 reduce"), then the "5x5" convolution ("#5x5"),
 *       whose patch torchvision shrinks to 3x3;
 *   <li>{@code pool_projection}: a 3x3/1 max pool, then a 1x1 convolution ("pool proj").
 * </ol>
 * Every convolution keeps the height and width; all share one style (bias, batch normalisation, ReLU).
 */
public final class InceptionModule extends AbstractBlock {
  private static final byte VERSION = 1;

  private static final Shape POOL_WINDOW = new Shape(3, 3);

  private static final Shape POOL_STRIDE = new Shape(1, 1);

  private static final Shape POOL_PADDING = new Shape(1, 1);

  private final ConvolutionUnit branch1x1;

  private final ConvolutionUnit branch3x3;

  private final ConvolutionUnit branch5x5;

  private final ConvolutionUnit poolProjection;

  private InceptionModule(Builder builder) {
    super(VERSION);
    branch1x1 = addChildBlock("branch1x1", builder.sizeKeepingUnit(1, builder.filters1x1, 0));
    branch3x3 = addChildBlock("branch3x3", builder.sizeKeepingUnit(3, builder.filters3x3, builder.reduce3x3));
    branch5x5 = addChildBlock("branch5x5", builder.sizeKeepingUnit(builder.patch5x5, builder.filters5x5, builder.reduce5x5));
    poolProjection = addChildBlock("pool_projection", builder.sizeKeepingUnit(1, builder.poolProjection, 0));
  }

  /**
   * Creates a builder for {@code InceptionModule}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The 1x1 branch.
   *
   * @return the branch
   */
  public ConvolutionUnit branch1x1() {
    return branch1x1;
  }

  /**
   * The 3x3 branch, with its reduction.
   *
   * @return the branch
   */
  public ConvolutionUnit branch3x3() {
    return branch3x3;
  }

  /**
   * The "5x5" branch, with its reduction.
   *
   * @return the branch
   */
  public ConvolutionUnit branch5x5() {
    return branch5x5;
  }

  /**
   * The pool branch's 1x1 projection, applied after the max pool.
   *
   * @return the projection
   */
  public ConvolutionUnit poolProjection() {
    return poolProjection;
  }

  private List<ConvolutionUnit> branches() {
    return List.of(branch1x1, branch3x3, branch5x5, poolProjection);
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    // the pool branch: a 3x3/1 max pool that keeps the size, then the 1x1 projection
    NDList pooled = new NDList(MaxPool.maxPool(
        inputs.singletonOrThrow(), POOL_WINDOW, POOL_STRIDE, POOL_PADDING, false, training));
    NDList outputs = new NDList(
        branch1x1.forward(parameterStore, inputs, training, params).singletonOrThrow(),
        branch3x3.forward(parameterStore, inputs, training, params).singletonOrThrow(),
        branch5x5.forward(parameterStore, inputs, training, params).singletonOrThrow(),
        poolProjection.forward(parameterStore, pooled, training, params).singletonOrThrow());
    NDArray concatenated = NDArrays.concat(outputs, 1);
    // the branches' outputs are copied: free them now rather than when the step ends
    pooled.close();
    outputs.close();
    return new NDList(concatenated);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long channels = 0;
    for (ConvolutionUnit branch : branches()) {
      channels += branch.getOutputShapes(inputShapes)[0].get(1);
    }
    Shape input = inputShapes[0];
    return new Shape[] {new Shape(input.get(0), channels, input.get(2), input.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType,
      Shape... inputShapes) {
    for (ConvolutionUnit branch : branches()) {
      branch.initialize(manager, dataType, inputShapes);
    }
  }

  /**
   * Builds an {@link InceptionModule}.
   *
   * <p>Defaults, the GoogLeNet paper's: bias, no batch normalisation, ReLU; a 5x5 patch in the "5x5"
   * branch.
   *
   * <pre>{@code
   * InceptionModule inception3a = InceptionModule.builder()
   *     .setBranch1x1(64).setBranch3x3(96, 128).setBranch5x5(16, 32).setPoolProjection(32)
   *     .build();
   * }</pre>
   */
  public static final class Builder extends ConvolutionStyleBuilder<Builder> {
    private int filters1x1;

    private int reduce3x3;

    private int filters3x3;

    private int reduce5x5;

    private int filters5x5;

    private int patch5x5 = 5;

    private int poolProjection;

    private Builder() {
    }

    /**
     * Sets the 1x1 branch's filters (the table's "#1x1").
     *
     * @param filters1x1 the filters
     * @return this builder
     */
    public Builder setBranch1x1(int filters1x1) {
      if (!(filters1x1 > 0)) {
        throw new IllegalArgumentException("filters must be positive: " + filters1x1);
      }
      this.filters1x1 = filters1x1;
      return this;
    }

    /**
     * Sets the 3x3 branch: its 1x1 reduction's filters ("#3x3 reduce"), then its own ("#3x3").
     *
     * @param reduce3x3 the reduction's filters
     * @param filters3x3 the branch's filters
     * @return this builder
     */
    public Builder setBranch3x3(int reduce3x3, int filters3x3) {
      if (reduce3x3 <= 0 || filters3x3 <= 0) {
        throw new IllegalArgumentException("filters must be positive: " + reduce3x3 + ", " + filters3x3);
      }
      this.reduce3x3 = reduce3x3;
      this.filters3x3 = filters3x3;
      return this;
    }

    /**
     * Sets the 5x5 branch: its 1x1 reduction's filters ("#5x5 reduce"), then its own ("#5x5").
     *
     * @param reduce5x5 the reduction's filters
     * @param filters5x5 the branch's filters
     * @return this builder
     */
    public Builder setBranch5x5(int reduce5x5, int filters5x5) {
      if (reduce5x5 <= 0 || filters5x5 <= 0) {
        throw new IllegalArgumentException("filters must be positive: " + reduce5x5 + ", " + filters5x5);
      }
      this.reduce5x5 = reduce5x5;
      this.filters5x5 = filters5x5;
      return this;
    }

    /**
     * Sets the patch of the "5x5" branch (5 when not set; the paper uses 5, torchvision 3).
     *
     * @param patch5x5 the patch size
     * @return this builder
     */
    public Builder optBranch5x5Patch(int patch5x5) {
      if (!(patch5x5 > 0 && patch5x5 % 2 == 1)) {
        throw new IllegalArgumentException("the patch must be odd: " + patch5x5);
      }
      this.patch5x5 = patch5x5;
      return this;
    }

    /**
     * Sets the filters of the 1x1 projection after the max pool (the table's "pool proj").
     *
     * @param poolProjection the filters
     * @return this builder
     */
    public Builder setPoolProjection(int poolProjection) {
      if (!(poolProjection > 0)) {
        throw new IllegalArgumentException("filters must be positive: " + poolProjection);
      }
      this.poolProjection = poolProjection;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Builds the module.
     *
     * @return the module
     * @throws IllegalArgumentException if a branch is not set
     */
    public InceptionModule build() {
      if (filters1x1 <= 0 || filters3x3 <= 0 || filters5x5 <= 0 || poolProjection <= 0) {
        throw new IllegalArgumentException("an Inception module needs all four branches");
      }
      return new InceptionModule(this);
    }
  }
}
