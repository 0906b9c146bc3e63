package io.netspec.export.onnx;

import static io.netspec.export.onnx.OnnxGraph.integer;
import static io.netspec.export.onnx.OnnxGraph.integers;
import static io.netspec.export.onnx.OnnxGraph.real;

import io.netspec.blocks.FoldedConvolution;
import io.netspec.dsl.analysis.TensorShape;
import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.BatchNorm;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.LayerVisitor;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.Patch;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.PoolKind;
import io.netspec.dsl.spec.Rounding;
import io.netspec.dsl.spec.Softmax;
import io.netspec.export.onnx.proto.Onnx.AttributeProto;
import java.util.ArrayList;
import java.util.List;

/**
 * The ONNX nodes of each kind of spec row, computing what the row's DJL block computes in inference. Initializers
 * carry the parameters under the names parameters have outside DJL (a unit's {@code conv.weight},
 * {@code bn.running_mean}, ...; see the tensor names of the contracts), node outputs are named after the row.
 */
final class LayerNodes {

  private static final Patch POINTWISE = Patch.square(1, 1);

  private final OnnxGraph graph;
  private final int numClasses;
  private final boolean foldBatchNorm;

  /**
   * @param graph the graph the nodes are added to
   * @param numClasses the width of the rows written {@code units: classes}
   * @param foldBatchNorm whether batch normalisation is folded into the convolution before it
   */
  LayerNodes(OnnxGraph graph, int numClasses, boolean foldBatchNorm) {
    this.graph = graph;
    this.numClasses = numClasses;
    this.foldBatchNorm = foldBatchNorm;
  }

  /**
   * Adds the nodes of one row.
   *
   * @param input the value the row reads, of shape {@code (N, shape)}
   * @return the value the row outputs (its input for rows that do nothing in inference)
   */
  String add(Layer layer, String input, TensorShape shape, Initializers parameters) throws ExportException {
    return layer.accept(new LayerVisitor<RowNodes>() {
      @Override
      public RowNodes visitConvolution(Convolution conv) {
        return () -> convolution(conv, input, shape, parameters);
      }

      @Override
      public RowNodes visitPool(Pool pool) {
        return () -> pool(layer.name(), pool.kind(), input, pool.patch(), pool.padding(), pool.rounding());
      }

      @Override
      public RowNodes visitGlobalAvgPool(GlobalAvgPool pool) {
        return () -> graph.node("GlobalAveragePool", layer.name(), input);
      }

      @Override
      public RowNodes visitAdaptiveAvgPool(AdaptiveAvgPool pool) {
        return () -> adaptiveAvgPool(pool, input, shape);
      }

      @Override
      public RowNodes visitLocalResponseNorm(LocalResponseNorm lrn) {
        return () -> lrn(lrn, input);
      }

      @Override
      public RowNodes visitInception(Inception inception) {
        return () -> inception(inception, input, shape.channels(), parameters);
      }

      @Override
      public RowNodes visitDropout(Dropout dropout) {
        return () -> input; // dropout is the identity in inference
      }

      @Override
      public RowNodes visitLinear(Linear linear) {
        return () -> linear(linear, input, shape.size(), parameters);
      }

      @Override
      public RowNodes visitSoftmax(Softmax softmax) {
        return () -> input; // the logits are the output, as the DJL network's
      }
    }).add();
  }

  /** Adds the nodes of one row; a visit of the row's kind says how. */
  @FunctionalInterface
  private interface RowNodes {
    /** Adds the nodes; returns the value the row outputs. */
    String add() throws ExportException;
  }

  /** A convolution row: one unit, or a 1x1 reduction unit ({@code r.0.}) then the convolution ({@code r.1.}). */
  private String convolution(Convolution conv, String input, TensorShape shape, Initializers parameters)
      throws ExportException {
    String prefix = conv.name() + ".";
    if (conv.reduce().isEmpty()) {
      return unit(prefix, input, shape.channels(), conv.filters(), conv.patch(), conv.padding(), conv.style(),
          parameters);
    }
    int reduce = conv.reduce().getAsInt();
    String reduced = unit(prefix + "0.", input, shape.channels(), reduce, POINTWISE, 0, conv.style(), parameters);
    return unit(prefix + "1.", reduced, reduce, conv.filters(), conv.patch(), conv.padding(), conv.style(),
        parameters);
  }

  /**
   * A convolution, its batch normalisation and ReLU as the style says: one unit of the tensor names. With the
   * batch normalisation folded, one Conv computes both, its weight and bias rewritten as the blocks fold them
   * ({@link FoldedConvolution}) and named {@code <unit>.conv_bn.weight} and {@code .bias}, not the tensor names
   * of the trained parameters.
   */
  private String unit(String prefix, String input, long inChannels, int filters, Patch patch, int padding,
      ConvolutionStyle style, Initializers parameters) throws ExportException {
    long[] weightDims = {filters, inChannels, patch.height(), patch.width()};
    float[] weight = parameters.take(prefix + "conv.weight", weightDims);
    float[] bias = style.bias() ? parameters.take(prefix + "conv.bias", filters) : null;
    String conv = prefix + "conv";
    boolean fold = foldBatchNorm && style.batchNorm().isPresent();
    if (fold) {
      String bn = prefix + "bn.";
      FoldedConvolution folded = FoldedConvolution.of(weight, bias, parameters.take(bn + "weight", filters),
          parameters.take(bn + "bias", filters), parameters.take(bn + "running_mean", filters),
          parameters.take(bn + "running_var", filters), (float) style.batchNorm().get().epsilon());
      conv = prefix + "conv_bn";
      weight = folded.weight();
      bias = folded.bias();
    }
    List<String> inputs = new ArrayList<>(List.of(input, graph.floats(conv + ".weight", weightDims, weight)));
    if (bias != null) {
      inputs.add(graph.floats(conv + ".bias", new long[] {filters}, bias));
    }
    String x = graph.node("Conv", conv, new AttributeProto[] {
        integers("kernel_shape", patch.height(), patch.width()),
        integers("strides", patch.stride(), patch.stride()),
        integers("pads", padding, padding, padding, padding)}, inputs.toArray(String[]::new));
    if (!fold && style.batchNorm().isPresent()) {
      x = batchNorm(prefix + "bn", x, filters, style.batchNorm().get(), parameters);
    }
    return style.activation() == Activation.RELU ? graph.node("Relu", prefix + "relu", x) : x;
  }

  private String batchNorm(String name, String input, int channels, BatchNorm norm, Initializers parameters)
      throws ExportException {
    long[] dims = {channels};
    String scale = parameter(name + ".weight", dims, parameters);
    String shift = parameter(name + ".bias", dims, parameters);
    String mean = parameter(name + ".running_mean", dims, parameters);
    String variance = parameter(name + ".running_var", dims, parameters);
    return graph.node("BatchNormalization", name, new AttributeProto[] {real("epsilon", (float) norm.epsilon())},
        input, scale, shift, mean, variance);
  }

  /** The initializer of the network's parameter {@code name} (a tensor name), of shape {@code dims}. */
  private String parameter(String name, long[] dims, Initializers parameters) throws ExportException {
    return graph.floats(name, dims, parameters.take(name, dims));
  }

  /** Four branches over the input, concatenated along the channels in the table's order. */
  private String inception(Inception row, String input, long channels, Initializers parameters)
      throws ExportException {
    String prefix = row.name() + ".";
    ConvolutionStyle style = row.style();
    Patch three = Patch.square(3, 1);
    Patch five = Patch.square(row.fivePatch(), 1);
    String branch1 = unit(prefix + "branch1.", input, channels, row.n1x1(), POINTWISE, 0, style, parameters);
    String reduced3 = unit(prefix + "branch2.0.", input, channels, row.n3x3Reduce(), POINTWISE, 0, style,
        parameters);
    String branch2 = unit(prefix + "branch2.1.", reduced3, row.n3x3Reduce(), row.n3x3(), three, 1, style,
        parameters);
    String reduced5 = unit(prefix + "branch3.0.", input, channels, row.n5x5Reduce(), POINTWISE, 0, style,
        parameters);
    String branch3 = unit(prefix + "branch3.1.", reduced5, row.n5x5Reduce(), row.n5x5(), five,
        (row.fivePatch() - 1) / 2, style, parameters);
    String pooled = pool(prefix + "branch4.0.pool", PoolKind.MAX, input, three, 1, Rounding.FLOOR);
    String branch4 = unit(prefix + "branch4.1.", pooled, channels, row.poolProj(), POINTWISE, 0, style,
        parameters);
    return graph.node("Concat", row.name(), new AttributeProto[] {integer("axis", 1)},
        branch1, branch2, branch3, branch4);
  }

  /** Max or average pooling; the average counts the zero padding, as the DJL block (PyTorch, Caffe) does. */
  private String pool(String name, PoolKind kind, String input, Patch patch, int padding, Rounding rounding) {
    List<AttributeProto> attributes = new ArrayList<>(List.of(
        integers("kernel_shape", patch.height(), patch.width()),
        integers("strides", patch.stride(), patch.stride()),
        integers("pads", padding, padding, padding, padding),
        integer("ceil_mode", rounding == Rounding.CEIL ? 1 : 0)));
    if (kind == PoolKind.AVG) {
      attributes.add(integer("count_include_pad", 1));
    }
    return graph.node(kind == PoolKind.MAX ? "MaxPool" : "AveragePool", name,
        attributes.toArray(AttributeProto[]::new), input);
  }

  /**
   * Adaptive average pooling as two products with constant averaging matrices, first over the width, then over
   * the height: output cell {@code i} averages input indices {@code floor(i * in / out)} to (excluded)
   * {@code ceil((i + 1) * in / out)}, as PyTorch's {@code adaptive_avg_pool2d}. ONNX has no such operator.
   */
  private String adaptiveAvgPool(AdaptiveAvgPool row, String input, TensorShape shape) {
    String prefix = row.name() + ".";
    String widths = graph.floats(prefix + "width_average", new long[] {shape.width(), row.width()},
        averaging(shape.width(), row.width(), true));
    String heights = graph.floats(prefix + "height_average", new long[] {row.height(), shape.height()},
        averaging(shape.height(), row.height(), false));
    String across = graph.node("MatMul", prefix + "width", input, widths);
    return graph.node("MatMul", row.name(), heights, across);
  }

  /** The {@code (in, out)} matrix (or its transpose) whose column {@code j} averages cell {@code j}'s window. */
  private static float[] averaging(int in, int out, boolean inByOut) {
    float[] matrix = new float[in * out];
    for (int cell = 0; cell < out; cell++) {
      int from = Math.floorDiv(cell * in, out);
      int to = -Math.floorDiv(-(cell + 1) * in, out);
      for (int i = from; i < to; i++) {
        matrix[inByOut ? i * out + cell : cell * in + i] = 1f / (to - from);
      }
    }
    return matrix;
  }

  /**
   * Local response normalisation, {@code b[c] = a[c] / (k + alpha / size * sum(a[c']^2))^beta} over channels
   * {@code c - size / 2} to {@code c + (size - 1) / 2}. ONNX's LRN has the same formula (it too divides alpha by
   * the size) with the window {@code c - floor((size - 1) / 2)} to {@code c + ceil((size - 1) / 2)}: the same
   * window for odd sizes, one channel further up for even ones. Odd sizes (Caffe's and the paper's 5) are ONNX
   * LRN; even sizes are written out: the squares averaged over the window by a pool over the channel axis.
   */
  private String lrn(LocalResponseNorm row, String input) {
    String name = row.name();
    if (row.size() % 2 == 1) {
      return graph.node("LRN", name, new AttributeProto[] {
          real("alpha", (float) row.alpha()), real("beta", (float) row.beta()), real("bias", (float) row.k()),
          integer("size", row.size())}, input);
    }
    String prefix = name + ".";
    String squares = graph.node("Mul", prefix + "square", input, input);
    String axis = graph.longs(prefix + "channel_axis", 1);
    String volume = graph.node("Unsqueeze", prefix + "unsqueeze", squares, axis);
    String mean = graph.node("AveragePool", prefix + "window_mean", new AttributeProto[] {
        integers("kernel_shape", row.size(), 1, 1),
        integers("pads", row.size() / 2, 0, 0, (row.size() - 1) / 2, 0, 0),
        integer("count_include_pad", 1)}, volume);
    String flat = graph.node("Squeeze", prefix + "squeeze", mean, axis);
    String scaled = graph.node("Mul", prefix + "alpha", flat, graph.floats(prefix + "alpha_value", new long[0],
        new float[] {(float) row.alpha()}));
    String shifted = graph.node("Add", prefix + "k", scaled, graph.floats(prefix + "k_value", new long[0],
        new float[] {(float) row.k()}));
    String power = graph.node("Pow", prefix + "beta", shifted, graph.floats(prefix + "beta_value", new long[0],
        new float[] {(float) row.beta()}));
    return graph.node("Div", name, input, power);
  }

  /** Flatten, the fully connected layer (DJL's weight is {@code (units, in)}: B transposed), a ReLU if asked. */
  private String linear(Linear row, String input, long inFeatures, Initializers parameters)
      throws ExportException {
    String prefix = row.name() + ".";
    int units = row.toClasses() ? numClasses : row.units();
    long[] weightDims = {units, inFeatures};
    String flat = graph.node("Flatten", prefix + "flatten", new AttributeProto[] {integer("axis", 1)}, input);
    List<String> inputs = new ArrayList<>(List.of(flat,
        parameter(prefix + "weight", weightDims, parameters)));
    if (row.bias()) {
      inputs.add(parameter(prefix + "bias", new long[] {units}, parameters));
    }
    String product = graph.node("Gemm", prefix + "gemm", new AttributeProto[] {integer("transB", 1)},
        inputs.toArray(String[]::new));
    return row.activation() == Activation.RELU ? graph.node("Relu", prefix + "relu", product) : product;
  }
}
