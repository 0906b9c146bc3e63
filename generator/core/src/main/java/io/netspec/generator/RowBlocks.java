package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns spec rows into the expressions that build their blocks, written as one would by hand: builder calls of
 * {@code io.netspec.blocks} and DJL that state only what differs from the block's defaults.
 */
final class RowBlocks implements LayerVisitor<Optional<RowBlock>> {

  /** The defaults of {@code io.netspec.blocks.LocalResponseNorm}'s builder, AlexNet's and Caffe's. */
  static final int LRN_SIZE = 5;
  static final float LRN_ALPHA = 1e-4f;
  static final float LRN_BETA = 0.75f;
  static final float LRN_K = 1f;

  /** The default patch of {@code InceptionModule}'s "5x5" branch. */
  static final int FIVE_PATCH = 5;

  private final CodeBlock numClasses;
  private final Layer tunableDropout;
  private final CodeBlock dropoutRate;

  /**
   * @param numClasses the expression for the number of classes, for rows written {@code units: classes}
   * @param tunableDropout the dropout row whose rate the network's builder sets, or null
   * @param dropoutRate the expression for that rate
   */
  RowBlocks(CodeBlock numClasses, Layer tunableDropout, CodeBlock dropoutRate) {
    this.numClasses = numClasses;
    this.tunableDropout = tunableDropout;
    this.dropoutRate = dropoutRate;
  }

  /** The row's block; empty for a {@code softmax} row, which generated networks leave to the loss. */
  Optional<RowBlock> of(Layer layer) {
    return layer.accept(this);
  }

  @Override
  public Optional<RowBlock> visitConvolution(Convolution conv) {
    Patch patch = conv.patch();
    Options options = new Options()
        .add(".setKernelShape($L)\n", shape(patch.height(), patch.width()));
    if (patch.stride() != 1) {
      options.add(".optStride($L)\n", shape(patch.stride(), patch.stride()));
    }
    if (conv.padding() != 0) {
      options.add(".optPadding($L)\n", shape(conv.padding(), conv.padding()));
    }
    options.add(".setFilters($L)\n", conv.filters());
    conv.reduce().ifPresent(reduce -> options.add(".optReduction($L)\n", reduce));
    return module(Djl.CONVOLUTION_UNIT, options.add(styleOptions(conv.style())));
  }

  @Override
  public Optional<RowBlock> visitInception(Inception m) {
    Options options = new Options()
        .add(".setBranch1x1($L)\n", m.n1x1())
        .add(".setBranch3x3($L, $L)\n", m.n3x3Reduce(), m.n3x3())
        .add(".setBranch5x5($L, $L)\n", m.n5x5Reduce(), m.n5x5());
    if (m.fivePatch() != FIVE_PATCH) {
      options.add(".optBranch5x5Patch($L)\n", m.fivePatch());
    }
    options.add(".setPoolProjection($L)\n", m.poolProj()).add(styleOptions(m.style()));
    return module(Djl.INCEPTION_MODULE, options);
  }

  /**
   * The builder options that turn the blocks' default style, the paper's (bias, no batch normalisation, ReLU),
   * into {@code style}, one per line. An epsilon is stated only when batch normalisation is on.
   */
  private static Options styleOptions(ConvolutionStyle style) {
    Options options = new Options();
    if (!style.bias()) {
      options.add(".optBias(false)\n");
    }
    style.batchNorm().ifPresent(norm -> {
      options.add(".optBatchNorm(true)\n");
      if ((float) norm.epsilon() != (float) BatchNorm.DEFAULT_EPSILON) {
        options.add(".optBatchNormEpsilon($L)\n", floatLiteral(norm.epsilon()));
      }
    });
    if (style.activation() != Activation.RELU) {
      options.add(".optRelu(false)\n");
    }
    return options;
  }

  /** The options that differ from the builder's defaults, compared as floats. */
  @Override
  public Optional<RowBlock> visitLocalResponseNorm(LocalResponseNorm lrn) {
    Options options = new Options();
    if (lrn.size() != LRN_SIZE) {
      options.add(".optSize($L)\n", lrn.size());
    }
    if ((float) lrn.alpha() != LRN_ALPHA) {
      options.add(".optAlpha($L)\n", floatLiteral(lrn.alpha()));
    }
    if ((float) lrn.beta() != LRN_BETA) {
      options.add(".optBeta($L)\n", floatLiteral(lrn.beta()));
    }
    if ((float) lrn.k() != LRN_K) {
      options.add(".optK($L)\n", floatLiteral(lrn.k()));
    }
    return module(Djl.LOCAL_RESPONSE_NORM, options);
  }

  @Override
  public Optional<RowBlock> visitPool(Pool pool) {
    Patch patch = pool.patch();
    boolean ceil = pool.rounding() == Rounding.CEIL;
    CodeBlock window = shape(patch.height(), patch.width());
    CodeBlock stride = shape(patch.stride(), patch.stride());
    CodeBlock padding = shape(pool.padding(), pool.padding());
    if (pool.kind() == PoolKind.MAX) {
      Options options = new Options().add(".setKernelShape($L)\n", window);
      if (patch.stride() != 1) {
        options.add(".optStride($L)\n", stride);
      }
      if (pool.padding() != 0) {
        options.add(".optPadding($L)\n", padding);
      }
      if (ceil) {
        options.add(".optCeilMode(true)\n");
      }
      return module(Djl.MAX_POOL, options);
    }
    // count_include_pad, as PyTorch and Caffe average
    return Optional.of(new RowBlock(Djl.BLOCK,
        CodeBlock.of("$T.avgPool2dBlock($L, $L, $L, $L, true)", Djl.POOL, window, stride, padding, ceil)));
  }

  @Override
  public Optional<RowBlock> visitGlobalAvgPool(GlobalAvgPool row) {
    return Optional.of(new RowBlock(Djl.BLOCK, CodeBlock.of("$T.globalAvgPool2dBlock()", Djl.POOL)));
  }

  @Override
  public Optional<RowBlock> visitAdaptiveAvgPool(AdaptiveAvgPool pool) {
    return module(Djl.ADAPTIVE_AVG_POOL, new Options().add(".setOutputSize($L, $L)", pool.height(), pool.width()));
  }

  @Override
  public Optional<RowBlock> visitDropout(Dropout dropout) {
    CodeBlock rate = dropout == tunableDropout ? dropoutRate : CodeBlock.of(floatLiteral(dropout.rate()));
    return Optional.of(new RowBlock(Djl.DROPOUT,
        CodeBlock.of("$T.builder().optRate($L).build()", Djl.DROPOUT, rate)));
  }

  @Override
  public Optional<RowBlock> visitLinear(Linear linear) {
    CodeBlock units = linear.toClasses() ? numClasses : CodeBlock.of("$L", linear.units());
    CodeBlock.Builder construction = CodeBlock.builder()
        .add("new $T()\n", Djl.SEQUENTIAL_BLOCK)
        .add(".add($T.batchFlattenBlock())\n", Djl.BLOCKS)
        .add(".add($T.builder().setUnits($L)$L.build())", Djl.LINEAR, units,
            linear.bias() ? "" : ".optBias(false)");
    if (linear.activation() == Activation.RELU) {
      construction.add("\n.add($T.reluBlock())", Djl.ACTIVATION);
    }
    return Optional.of(new RowBlock(Djl.SEQUENTIAL_BLOCK, construction.build()));
  }

  @Override
  public Optional<RowBlock> visitSoftmax(Softmax row) {
    return Optional.empty();
  }

  /**
   * {@code Block.builder()}, the options one per line, {@code .build()}; one line without options.
   * Constructions do not indent their continuation lines: a statement indents them, and a construction
   * nested in another is indented by it.
   */
  private static Optional<RowBlock> module(ClassName type, Options options) {
    CodeBlock construction = options.isEmpty()
        ? CodeBlock.of("$T.builder().build()", type)
        : CodeBlock.builder().add("$T.builder()", type).add(options.fill()).add(".build()").build();
    return Optional.of(new RowBlock(type, construction));
  }

  /** The longest continuation line of options, as a person would wrap them. */
  private static final int LINE = 92;

  /** Builder calls, one per {@link #add}, that {@link #fill} wraps as text is wrapped. */
  private static final class Options {
    private final List<CodeBlock> calls = new ArrayList<>();

    Options add(String format, Object... args) {
      calls.add(CodeBlock.of(format.replace("\n", ""), args));
      return this;
    }

    Options add(Options other) {
      calls.addAll(other.calls);
      return this;
    }

    boolean isEmpty() {
      return calls.isEmpty();
    }

    /** As many calls on a continuation line as fit in {@link #LINE} characters, counting simple type names. */
    CodeBlock fill() {
      CodeBlock.Builder filled = CodeBlock.builder();
      int length = LINE;
      for (CodeBlock call : calls) {
        int width = call.toString().replace("ai.djl.ndarray.types.", "").length();
        if (length + width > LINE) {
          filled.add("\n");
          length = 0;
        }
        filled.add(call);
        length += width;
      }
      return filled.build();
    }
  }

  static CodeBlock shape(long... dimensions) {
    CodeBlock.Builder shape = CodeBlock.builder().add("new $T(", Djl.SHAPE);
    for (int i = 0; i < dimensions.length; i++) {
      shape.add(i == 0 ? "$L" : ", $L", dimensions[i]);
    }
    return shape.add(")").build();
  }

  /** A float literal as one would write it: {@code 0.4f}, {@code 0.0001f}, {@code 1f}. */
  static String floatLiteral(double value) {
    float f = (float) value;
    if (!Float.isFinite(f)) {
      throw new IllegalArgumentException("not a finite float: " + value);
    }
    return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString() + "f";
  }
}
