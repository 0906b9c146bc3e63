package io.netspec.runtime.testnet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written network that follows docs/generated-code.md the way a generated one does (constants, static
 * builder, children in row order then auxiliary classifiers, auxiliary logits in training), small enough to
 * train in seconds. Tests use it where they do not depend on a particular spec.
 */
public final class TinyNet extends AbstractBlock {

  public static final String SPEC_FILE = "tiny-net.yaml";
  public static final String SPEC_SHA256 = "0".repeat(64);
  public static final Shape INPUT_SHAPE = new Shape(1, 28, 28);
  public static final int DEFAULT_CLASSES = 10;

  private static final int ATTACH_AFTER = 1; // aux1 reads the output of the second row, pool1
  private static final float AUX_WEIGHT = 0.3f;

  private final List<Block> rows = new ArrayList<>();
  private final Block aux;
  private final int numClasses;

  private TinyNet(Builder builder) {
    numClasses = builder.numClasses;
    rows.add(addChildBlock("conv1", convolution(16)));
    rows.add(addChildBlock("pool1", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2))));
    rows.add(addChildBlock("conv2", convolution(32)));
    rows.add(addChildBlock("pool2", Pool.globalAvgPool2dBlock()));
    rows.add(addChildBlock("fc",
        new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(numClasses).build())));
    aux = builder.aux
        ? addChildBlock("aux1", new SequentialBlock().add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(numClasses).build()))
        : null;
  }

  private static Block convolution(int filters) {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).optBias(false)
            .setFilters(filters).build())
        .add(BatchNorm.builder().optEpsilon(1e-3f).build())
        .add(Activation::relu);
  }

  public static Builder builder() {
    return new Builder();
  }

  public int numClasses() {
    return numClasses;
  }

  public boolean hasAuxClassifiers() {
    return aux != null;
  }

  public float[] auxLossWeights() {
    return aux == null ? new float[0] : new float[] {AUX_WEIGHT};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList current = inputs;
    NDList attached = null;
    for (int i = 0; i < rows.size(); i++) {
      current = rows.get(i).forward(parameterStore, current, training, params);
      if (i == ATTACH_AFTER) {
        attached = current;
      }
    }
    if (training && aux != null) {
      return new NDList(current.head(), aux.forward(parameterStore, attached, true, params).head());
    }
    return current;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).initialize(manager, dataType, shapes);
      shapes = rows.get(i).getOutputShapes(shapes);
      if (i == ATTACH_AFTER && aux != null) {
        aux.initialize(manager, dataType, shapes);
      }
    }
  }

  /** Options of {@link TinyNet}, as a generated builder has them. */
  public static final class Builder {
    private int numClasses = DEFAULT_CLASSES;
    private boolean aux = true;

    public Builder optNumClasses(int numClasses) {
      if (numClasses < 1) {
        throw new IllegalArgumentException("numClasses must be at least 1, not " + numClasses);
      }
      this.numClasses = numClasses;
      return this;
    }

    public Builder optAuxClassifiers(boolean aux) {
      this.aux = aux;
      return this;
    }

    public TinyNet build() {
      return new TinyNet(this);
    }
  }
}
