package io.netspec.interpreter;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.Patch;
import java.util.List;

/**
 * One convolution row: an optional 1x1 reduction of the same style, the convolution, batch normalisation
 * and a ReLU when the style says so. Children: {@code reduction} (if any, itself such a block),
 * {@code conv}, {@code batch_norm} (if enabled); the ReLU has no parameters and is no child.
 */
final class ConvolutionBlock extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final Patch POINTWISE = Patch.square(1, 1);

  private final boolean relu;

  /**
   * @param patch the kernel and its stride
   * @param padding the zero padding on every side
   * @param filters the output channels
   * @param reduction the filters of a 1x1 reduction before the convolution; 0 for none
   * @param style bias, batch normalisation and activation, shared with the reduction
   */
  ConvolutionBlock(Patch patch, int padding, int filters, int reduction, ConvolutionStyle style) {
    super(VERSION);
    if (reduction > 0) {
      addChildBlock("reduction", new ConvolutionBlock(POINTWISE, 0, reduction, 0, style));
    }
    addChildBlock("conv", Conv2d.builder()
        .setKernelShape(new Shape(patch.height(), patch.width()))
        .optStride(new Shape(patch.stride(), patch.stride()))
        .optPadding(new Shape(padding, padding))
        .setFilters(filters)
        .optBias(style.bias())
        .build());
    style.batchNorm().ifPresent(norm ->
        addChildBlock("batch_norm", BatchNorm.builder().optEpsilon((float) norm.epsilon()).build()));
    relu = style.activation() == io.netspec.dsl.spec.Activation.RELU;
  }

  /** A square convolution of stride 1 that keeps the height and width, as Inception branches use. */
  static ConvolutionBlock sizeKeeping(int patch, int filters, int reduction, ConvolutionStyle style) {
    return new ConvolutionBlock(Patch.square(patch, 1), (patch - 1) / 2, filters, reduction, style);
  }

  private List<Block> layers() {
    return children.values();
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList x = Chain.forward(layers(), parameterStore, inputs, training, params);
    return relu ? Chain.freeing(x, Activation.relu(x), inputs) : x;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return Chain.outputShapes(layers(), inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Chain.initialize(layers(), manager, dataType, inputShapes);
  }
}
