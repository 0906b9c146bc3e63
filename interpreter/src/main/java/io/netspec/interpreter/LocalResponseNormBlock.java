package io.netspec.interpreter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.netspec.dsl.spec.LocalResponseNorm;

/**
 * Local response normalisation across channels as PyTorch defines it:
 * {@code b[c] = a[c] / (k + alpha / size * sum(a[c']^2))^beta}, the sum over channels {@code c - size / 2} to
 * {@code c + (size - 1) / 2}, those beyond the edges counting as zero. It has no parameters.
 *
 * <p>Computed as a sum of {@code size} shifted slices of the zero-padded squares.
 */
final class LocalResponseNormBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final int size;
  private final float alpha;
  private final float beta;
  private final float k;

  LocalResponseNormBlock(LocalResponseNorm row) {
    super(VERSION);
    size = row.size();
    alpha = (float) row.alpha();
    beta = (float) row.beta();
    k = (float) row.k();
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray input = inputs.singletonOrThrow();
    Shape shape = input.getShape();
    long channels = shape.get(1);
    NDManager manager = input.getManager();
    NDArray before = manager.zeros(new Shape(shape.get(0), size / 2, shape.get(2), shape.get(3)), input.getDataType());
    NDArray after = manager.zeros(new Shape(shape.get(0), (size - 1) / 2, shape.get(2), shape.get(3)),
        input.getDataType());
    NDArray padded = NDArrays.concat(new NDList(before, input.square(), after), 1);
    NDArray sum = null;
    for (int offset = 0; offset < size; offset++) {
      NDArray slice = padded.get(new NDIndex(":, {}:{}", offset, offset + channels));
      sum = sum == null ? slice : sum.add(slice);
    }
    // the mean of the window, then alpha times it: rounding as PyTorch's average, for the reason
    // AdaptiveAvgPoolBlock gives
    // size, alpha and beta as engine arrays, never Numbers: DJL 0.36 frees the tensor it wraps a Number in at
    // once, while the backward pass of div, mul and pow keeps it
    DataType type = input.getDataType();
    NDArray mean = sum.div(manager.full(new Shape(), size, type));
    return new NDList(input.div(mean.mul(manager.full(new Shape(), alpha, type)).add(k)
        .pow(manager.full(new Shape(), beta, type))));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
