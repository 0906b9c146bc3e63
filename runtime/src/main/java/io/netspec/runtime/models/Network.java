package io.netspec.runtime.models;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.netspec.blocks.NetworkBlock;
import io.netspec.blocks.Precision;
import java.util.List;

/**
 * A built network and what training needs to know about it.
 *
 * @param type the network type it was built from: a generated class, or a spec file built by the interpreter
 * @param block the DJL block
 * @param classes the number of classes of its logits
 * @param auxLossWeights the loss weight of every auxiliary classifier, in spec order; empty when they are off
 */
public record Network(ModelType type, AbstractBlock block, int classes, float[] auxLossWeights) {

  public Network {
    auxLossWeights = auxLossWeights.clone();
  }

  @Override
  public float[] auxLossWeights() {
    return auxLossWeights.clone();
  }

  /**
   * Sets the number format of the forward pass (see {@link Precision}); netspec's networks, generated or
   * interpreted, take either, and their parameters stay FP32.
   *
   * @throws IllegalArgumentException for a format other than FP32 on a block that is no {@link NetworkBlock}
   */
  public void setPrecision(Precision precision) {
    if (block instanceof NetworkBlock network) {
      network.setPrecision(precision);
    } else if (precision != Precision.FP32) {
      throw new IllegalArgumentException(type.displayName() + " is not a netspec network block; it computes in "
          + "FP32 only");
    }
  }

  /** Whether the forward pass in training returns auxiliary logits after the main ones. */
  public boolean hasAuxClassifiers() {
    return auxLossWeights.length > 0;
  }

  /**
   * The names of the auxiliary classifiers, in spec order: the last children of the block, per the contract,
   * without the index DJL puts before a child's name.
   */
  public List<String> auxNames() {
    List<String> children = block.getChildren().keys();
    return children.subList(children.size() - auxLossWeights.length, children.size()).stream()
        .map(name -> name.replaceFirst("^\\d+", "")).toList();
  }

  /** The shape of a batch of {@code batchSize} inputs, {@code (N, C, H, W)}. */
  public Shape batchShape(long batchSize) {
    return new Shape(batchSize).addAll(type.inputShape());
  }

  /** Initialises the block's parameters for one-example batches, if not done yet. */
  public void initialize(NDManager manager) {
    if (!block.isInitialized()) {
      block.initialize(manager, DataType.FLOAT32, batchShape(1));
    }
  }

  /**
   * The number of values a training step updates: every parameter that takes a gradient. BatchNorm's running
   * mean and variance, which DJL lists as parameters too, are not counted.
   */
  public long trainableParameters() {
    long count = 0;
    for (Pair<String, Parameter> entry : block.getParameters()) {
      Parameter parameter = entry.getValue();
      if (parameter.requiresGradient()) {
        count += parameter.getArray().size();
      }
    }
    return count;
  }
}
