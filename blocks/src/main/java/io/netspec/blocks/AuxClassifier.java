package io.netspec.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * An auxiliary classifier (section 5 of the GoogLeNet paper): a small head on the output of an
 * intermediate row, whose loss is added to the main loss with weight {@link #lossWeight()} in
 * training and which is unused in inference. Its rows, each a child named after it, run in
 * order and end with the class scores (logits).
 */
public final class AuxClassifier extends AbstractBlock {
  private static final byte VERSION = 1;

  private final String attachedTo;

  private final float lossWeight;

  private AuxClassifier(Builder builder) {
    super(VERSION);
    attachedTo = builder.attachedTo;
    lossWeight = builder.lossWeight;
    for (Pair<String, Block> layer : builder.layers) {
      addChildBlock(layer.getKey(), layer.getValue());
    }
  }

  /**
   * Creates a builder for {@code AuxClassifier}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The name of the main-path row whose output this classifier reads.
   *
   * @return the row's name
   */
  public String attachedTo() {
    return attachedTo;
  }

  /**
   * The weight of this classifier's loss in the training loss.
   *
   * @return the weight
   */
  public float lossWeight() {
    return lossWeight;
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList x = inputs;
    for (Block layer : children.values()) {
      NDList output = layer.forward(parameterStore, x, training, params);
      // free each intermediate result once read; the classifier's input is its caller's
      if (x != inputs) {
        x.close();
      }
      x = output;
    }
    return x;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shapes = inputShapes;
    for (Block layer : children.values()) {
      shapes = layer.getOutputShapes(shapes);
    }
    return shapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType,
      Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (Block layer : children.values()) {
      layer.initialize(manager, dataType, shapes);
      shapes = layer.getOutputShapes(shapes);
    }
  }

  /**
   * Builds an {@link AuxClassifier}.
   */
  public static final class Builder {
    private String attachedTo;

    private float lossWeight = 0.3f;

    private final List<Pair<String, Block>> layers = new ArrayList<>();

    private Builder() {
    }

    /**
     * Sets the main-path row whose output the classifier reads.
     *
     * @param attachedTo the row's name
     * @return this builder
     */
    public Builder setAttachedTo(String attachedTo) {
      this.attachedTo = attachedTo;
      return this;
    }

    /**
     * Sets the weight of the classifier's loss (0.3, the paper's, when not set).
     *
     * @param lossWeight the weight
     * @return this builder
     */
    public Builder optLossWeight(float lossWeight) {
      if (!(lossWeight >= 0)) {
        throw new IllegalArgumentException("the loss weight must not be negative: " + lossWeight);
      }
      this.lossWeight = lossWeight;
      return this;
    }

    /**
     * Appends a row.
     *
     * @param name the row's name, the child's name
     * @param layer the row's block
     * @return this builder
     */
    public Builder add(String name, Block layer) {
      layers.add(new Pair<>(name, layer));
      return this;
    }

    /**
     * Builds the classifier.
     *
     * @return the classifier
     * @throws IllegalArgumentException if the row it reads or its layers are not set
     */
    public AuxClassifier build() {
      if (attachedTo == null || layers.isEmpty()) {
        throw new IllegalArgumentException("an auxiliary classifier needs the row it reads and at least one layer");
      }
      return new AuxClassifier(this);
    }
  }
}
