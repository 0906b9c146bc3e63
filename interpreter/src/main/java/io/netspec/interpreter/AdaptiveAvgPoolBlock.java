package io.netspec.interpreter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.netspec.dsl.spec.AdaptiveAvgPool;

/**
 * Average pooling to a fixed height and width, with the windows of PyTorch's {@code adaptive_avg_pool2d}: output
 * cell {@code i} of {@code out} averages input indices {@code floor(i * in / out)} up to (excluded)
 * {@code ceil((i + 1) * in / out)}. It has no parameters.
 */
final class AdaptiveAvgPoolBlock extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final int[] WIDTH_AXIS = {3};
  private static final int[] HEIGHT_AXIS = {2};

  private final int height;
  private final int width;

  AdaptiveAvgPoolBlock(AdaptiveAvgPool row) {
    super(VERSION);
    height = row.height();
    width = row.width();
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray input = inputs.singletonOrThrow();
    long inHeight = input.getShape().get(2);
    long inWidth = input.getShape().get(3);
    Shape shape = input.getShape();
    NDList cells = new NDList(height * width);
    for (int row = 0; row < height; row++) {
      for (int column = 0; column < width; column++) {
        NDIndex window = new NDIndex(":, :, {}:{}, {}:{}", Math.floorDiv(row * inHeight, height),
            ceilDiv((row + 1) * inHeight, height), Math.floorDiv(column * inWidth, width),
            ceilDiv((column + 1) * inWidth, width));
        // the mean over the window's columns, then over its rows: the order of the float operations matters
        // after a batch normalisation over few values, which magnifies rounding differences
        cells.add(input.get(window).mean(WIDTH_AXIS).mean(HEIGHT_AXIS));
      }
    }
    // (N, C) per cell, stacked along a last axis in row-major order, then unfolded to (N, C, height, width)
    return new NDList(NDArrays.stack(cells, 2).reshape(shape.get(0), shape.get(1), height, width));
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape input = inputShapes[0];
    return new Shape[] {new Shape(input.get(0), input.get(1), height, width)};
  }
}
