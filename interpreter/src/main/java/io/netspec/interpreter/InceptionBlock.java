package io.netspec.interpreter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.netspec.dsl.spec.Inception;

/**
 * An Inception row: four branches over one input, concatenated along the channels in the table's column order.
 * Children: {@code branch1x1}; {@code branch3x3} and {@code branch5x5}, each with its 1x1 reduction;
 * {@code pool_projection}, the 1x1 convolution that follows a 3x3/1 max pool (which has no parameters).
 */
final class InceptionBlock extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final Shape POOL_WINDOW = new Shape(3, 3);
  private static final Shape POOL_STRIDE = new Shape(1, 1);
  private static final Shape POOL_PADDING = new Shape(1, 1);

  private final Block poolProjection;

  InceptionBlock(Inception row) {
    super(VERSION);
    addChildBlock("branch1x1", ConvolutionBlock.sizeKeeping(1, row.n1x1(), 0, row.style()));
    addChildBlock("branch3x3", ConvolutionBlock.sizeKeeping(3, row.n3x3(), row.n3x3Reduce(), row.style()));
    addChildBlock("branch5x5",
        ConvolutionBlock.sizeKeeping(row.fivePatch(), row.n5x5(), row.n5x5Reduce(), row.style()));
    poolProjection = addChildBlock("pool_projection",
        ConvolutionBlock.sizeKeeping(1, row.poolProj(), 0, row.style()));
  }

  /** The input each branch reads: the block's input, but the pooled input for the projection. */
  private NDList branchInput(Block branch, NDList inputs) {
    if (branch != poolProjection) {
      return inputs;
    }
    return new NDList(Pool.maxPool2d(inputs.singletonOrThrow(), POOL_WINDOW, POOL_STRIDE, POOL_PADDING, false));
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList outputs = new NDList(children.size());
    for (Block branch : children.values()) {
      NDList input = branchInput(branch, inputs);
      outputs.add(branch.forward(parameterStore, input, training, params).singletonOrThrow());
      if (input != inputs) {
        input.close(); // the pool branch's max pool
      }
    }
    NDArray concatenated = NDArrays.concat(outputs, 1);
    outputs.close();
    return new NDList(concatenated);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape input = inputShapes[0];
    long channels = 0;
    for (Block branch : children.values()) {
      channels += branch.getOutputShapes(inputShapes)[0].get(1);
    }
    return new Shape[] {new Shape(input.get(0), channels, input.get(2), input.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block branch : children.values()) {
      branch.initialize(manager, dataType, inputShapes);
    }
  }
}
