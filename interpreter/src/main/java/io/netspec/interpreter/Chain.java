package io.netspec.interpreter;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Blocks run one after the other, each reading the previous one's output: forward, shapes, initialisation. */
final class Chain {

  private Chain() {}

  /**
   * Runs the blocks in order on {@code inputs}, freeing each intermediate output once the next block has read
   * it (the engine keeps what the backward pass needs); {@code inputs} are the caller's.
   */
  static NDList forward(Iterable<Block> blocks, ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList x = inputs;
    for (Block block : blocks) {
      x = freeing(x, block.forward(parameterStore, x, training, params), inputs);
    }
    return x;
  }

  /** Closes {@code read} unless it is {@code inputs}, and returns {@code output}. */
  static NDList freeing(NDList read, NDList output, NDList inputs) {
    if (read != inputs) {
      read.close();
    }
    return output;
  }

  /** The shapes the last block outputs when the first reads {@code inputShapes}. */
  static Shape[] outputShapes(Iterable<Block> blocks, Shape[] inputShapes) {
    Shape[] shapes = inputShapes;
    for (Block block : blocks) {
      shapes = block.getOutputShapes(shapes);
    }
    return shapes;
  }

  /** Initialises each block with the shapes the previous one outputs; returns the last one's output shapes. */
  static Shape[] initialize(Iterable<Block> blocks, NDManager manager, DataType dataType, Shape[] inputShapes) {
    Shape[] shapes = inputShapes;
    for (Block block : blocks) {
      block.initialize(manager, dataType, shapes);
      shapes = block.getOutputShapes(shapes);
    }
    return shapes;
  }
}
