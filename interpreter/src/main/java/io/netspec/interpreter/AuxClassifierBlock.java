package io.netspec.interpreter;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.List;

/**
 * An auxiliary classifier: its rows, each a child named after it, run in order on the output of the main-path
 * row it is attached to, ending with logits. Used in training only.
 */
final class AuxClassifierBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final String attachedTo;
  private final float lossWeight;

  /**
   * @param attachedTo the main-path row whose output it reads
   * @param lossWeight the weight of its loss in training
   * @param rows its rows' blocks by row name, in order
   */
  AuxClassifierBlock(String attachedTo, float lossWeight, List<Pair<String, Block>> rows) {
    super(VERSION);
    this.attachedTo = attachedTo;
    this.lossWeight = lossWeight;
    for (Pair<String, Block> row : rows) {
      addChildBlock(row.getKey(), row.getValue());
    }
  }

  String attachedTo() {
    return attachedTo;
  }

  float lossWeight() {
    return lossWeight;
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return Chain.forward(children.values(), parameterStore, inputs, training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return Chain.outputShapes(children.values(), inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Chain.initialize(children.values(), manager, dataType, inputShapes);
  }
}
