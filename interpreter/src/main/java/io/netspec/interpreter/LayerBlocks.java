package io.netspec.interpreter;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.Patch;
import io.netspec.dsl.spec.PoolKind;
import io.netspec.dsl.spec.Rounding;
import io.netspec.dsl.spec.Softmax;
import java.util.Optional;

/**
 * The DJL block of each kind of spec row. Rows written {@code units: classes} take the network's number of
 * classes; one dropout row, the head's, may take another rate than the spec's.
 */
final class LayerBlocks {

  private final int numClasses;
  private final Layer tunedDropout;
  private final float tunedRate;

  /**
   * @param numClasses the width of the rows written {@code units: classes}
   * @param tunedDropout the dropout row whose rate is {@code tunedRate} rather than its own, or null
   * @param tunedRate that rate
   */
  LayerBlocks(int numClasses, Layer tunedDropout, float tunedRate) {
    this.numClasses = numClasses;
    this.tunedDropout = tunedDropout;
    this.tunedRate = tunedRate;
  }

  /** The row's block; empty for {@code softmax}, which the loss and the predictor apply. */
  Optional<Block> of(Layer layer) {
    if (layer instanceof Convolution conv) {
      return Optional.of(new ConvolutionBlock(conv.patch(), conv.padding(), conv.filters(), conv.reduce().orElse(0),
          conv.style()));
    } else if (layer instanceof io.netspec.dsl.spec.Pool pool) {
      return Optional.of(pool(pool));
    } else if (layer instanceof GlobalAvgPool) {
      return Optional.of(Pool.globalAvgPool2dBlock());
    } else if (layer instanceof AdaptiveAvgPool pool) {
      return Optional.of(new AdaptiveAvgPoolBlock(pool));
    } else if (layer instanceof LocalResponseNorm lrn) {
      return Optional.of(new LocalResponseNormBlock(lrn));
    } else if (layer instanceof Inception inception) {
      return Optional.of(new InceptionBlock(inception));
    } else if (layer instanceof io.netspec.dsl.spec.Dropout dropout) {
      float rate = layer == tunedDropout ? tunedRate : (float) dropout.rate();
      return Optional.of(Dropout.builder().optRate(rate).build());
    } else if (layer instanceof io.netspec.dsl.spec.Linear linear) {
      return Optional.of(linear(linear));
    } else if (layer instanceof Softmax) {
      return Optional.empty();
    }
    throw new IllegalArgumentException("no block for rows of type " + layer.type());
  }

  /** A fixed-window pool; average pools count the zero padding, as PyTorch and Caffe do. */
  private static Block pool(io.netspec.dsl.spec.Pool pool) {
    Patch patch = pool.patch();
    Shape window = new Shape(patch.height(), patch.width());
    Shape stride = new Shape(patch.stride(), patch.stride());
    Shape padding = new Shape(pool.padding(), pool.padding());
    boolean ceil = pool.rounding() == Rounding.CEIL;
    return pool.kind() == PoolKind.MAX
        ? Pool.maxPool2dBlock(window, stride, padding, ceil)
        : Pool.avgPool2dBlock(window, stride, padding, ceil, true);
  }

  /** Flatten, the fully connected layer, then a ReLU if the row asks for one. */
  private Block linear(io.netspec.dsl.spec.Linear row) {
    SequentialBlock block = new SequentialBlock()
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(row.toClasses() ? numClasses : row.units()).optBias(row.bias()).build());
    if (row.activation() == io.netspec.dsl.spec.Activation.RELU) {
      block.add(Activation.reluBlock());
    }
    return block;
  }
}
