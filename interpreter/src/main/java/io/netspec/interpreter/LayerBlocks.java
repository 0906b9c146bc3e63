package io.netspec.interpreter;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import io.netspec.blocks.AdaptiveAvgPool;
import io.netspec.blocks.ConvolutionStyleBuilder;
import io.netspec.blocks.ConvolutionUnit;
import io.netspec.blocks.InceptionModule;
import io.netspec.blocks.LocalResponseNorm;
import io.netspec.blocks.MaxPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.LayerVisitor;
import io.netspec.dsl.spec.Patch;
import io.netspec.dsl.spec.PoolKind;
import io.netspec.dsl.spec.Rounding;
import io.netspec.dsl.spec.Softmax;
import java.util.Optional;

/**
 * The block of each kind of spec row, from {@code io.netspec.blocks} and DJL: the same builder calls the generated
 * code makes. Rows written {@code units: classes} take the network's number of classes; one dropout row, the
 * head's, may take another rate than the spec's.
 */
final class LayerBlocks implements LayerVisitor<Optional<Block>> {

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
    return layer.accept(this);
  }

  @Override
  public Optional<Block> visitConvolution(Convolution conv) {
    Patch patch = conv.patch();
    return Optional.of(styled(ConvolutionUnit.builder(), conv.style())
        .setKernelShape(new Shape(patch.height(), patch.width()))
        .optStride(new Shape(patch.stride(), patch.stride()))
        .optPadding(new Shape(conv.padding(), conv.padding()))
        .setFilters(conv.filters())
        .optReduction(conv.reduce().orElse(0))
        .build());
  }

  @Override
  public Optional<Block> visitInception(Inception m) {
    return Optional.of(styled(InceptionModule.builder(), m.style())
        .setBranch1x1(m.n1x1())
        .setBranch3x3(m.n3x3Reduce(), m.n3x3())
        .setBranch5x5(m.n5x5Reduce(), m.n5x5())
        .optBranch5x5Patch(m.fivePatch())
        .setPoolProjection(m.poolProj())
        .build());
  }

  /** The builder with the spec's bias, batch normalisation and activation. */
  private static <B extends ConvolutionStyleBuilder<B>> B styled(B builder, ConvolutionStyle style) {
    style.batchNorm().ifPresent(norm -> builder.optBatchNorm(true).optBatchNormEpsilon((float) norm.epsilon()));
    return builder.optBias(style.bias()).optRelu(style.activation() == io.netspec.dsl.spec.Activation.RELU);
  }

  /** A fixed-window pool; average pools count the zero padding, as PyTorch and Caffe do. */
  @Override
  public Optional<Block> visitPool(io.netspec.dsl.spec.Pool pool) {
    Patch patch = pool.patch();
    Shape window = new Shape(patch.height(), patch.width());
    Shape stride = new Shape(patch.stride(), patch.stride());
    Shape padding = new Shape(pool.padding(), pool.padding());
    boolean ceil = pool.rounding() == Rounding.CEIL;
    return Optional.of(pool.kind() == PoolKind.MAX
        ? MaxPool.builder().setKernelShape(window).optStride(stride).optPadding(padding).optCeilMode(ceil).build()
        : Pool.avgPool2dBlock(window, stride, padding, ceil, true));
  }

  @Override
  public Optional<Block> visitGlobalAvgPool(GlobalAvgPool row) {
    return Optional.of(Pool.globalAvgPool2dBlock());
  }

  @Override
  public Optional<Block> visitAdaptiveAvgPool(io.netspec.dsl.spec.AdaptiveAvgPool pool) {
    return Optional.of(AdaptiveAvgPool.builder().setOutputSize(pool.height(), pool.width()).build());
  }

  @Override
  public Optional<Block> visitLocalResponseNorm(io.netspec.dsl.spec.LocalResponseNorm lrn) {
    return Optional.of(LocalResponseNorm.builder()
        .optSize(lrn.size())
        .optAlpha((float) lrn.alpha())
        .optBeta((float) lrn.beta())
        .optK((float) lrn.k())
        .build());
  }

  @Override
  public Optional<Block> visitDropout(io.netspec.dsl.spec.Dropout dropout) {
    float rate = dropout == tunedDropout ? tunedRate : (float) dropout.rate();
    return Optional.of(Dropout.builder().optRate(rate).build());
  }

  /** Flatten, the fully connected layer, then a ReLU if the row asks for one. */
  @Override
  public Optional<Block> visitLinear(io.netspec.dsl.spec.Linear row) {
    SequentialBlock block = new SequentialBlock()
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(row.toClasses() ? numClasses : row.units()).optBias(row.bias()).build());
    if (row.activation() == io.netspec.dsl.spec.Activation.RELU) {
      block.add(Activation.reluBlock());
    }
    return Optional.of(block);
  }

  @Override
  public Optional<Block> visitSoftmax(Softmax row) {
    return Optional.empty();
  }
}
