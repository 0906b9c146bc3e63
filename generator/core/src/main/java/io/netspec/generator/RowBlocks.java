package io.netspec.generator;

import com.squareup.javapoet.CodeBlock;
import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.Patch;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.PoolKind;
import io.netspec.dsl.spec.Rounding;
import io.netspec.dsl.spec.Softmax;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * Turns spec rows into the expressions that build their blocks, written as one would by hand: builder calls
 * that state only what differs from the block's defaults.
 */
final class RowBlocks {

  private final ModuleTypes types;
  private final CodeBlock numClasses;
  private final Layer tunableDropout;
  private final CodeBlock dropoutRate;

  /**
   * @param types the module classes of the spec's package
   * @param numClasses the expression for the number of classes, for rows written {@code units: classes}
   * @param tunableDropout the dropout row whose rate the network's builder sets, or null
   * @param dropoutRate the expression for that rate
   */
  RowBlocks(ModuleTypes types, CodeBlock numClasses, Layer tunableDropout, CodeBlock dropoutRate) {
    this.types = types;
    this.numClasses = numClasses;
    this.tunableDropout = tunableDropout;
    this.dropoutRate = dropoutRate;
  }

  /** The row's block; empty for a {@code softmax} row, which generated networks leave to the loss. */
  Optional<RowBlock> of(Layer layer) {
    if (layer instanceof Convolution conv) {
      return Optional.of(convolution(conv));
    } else if (layer instanceof Pool pool) {
      return Optional.of(pool(pool));
    } else if (layer instanceof GlobalAvgPool) {
      return Optional.of(new RowBlock(Djl.BLOCK, CodeBlock.of("$T.globalAvgPool2dBlock()", Djl.POOL),
          Set.of(), true));
    } else if (layer instanceof AdaptiveAvgPool pool) {
      return Optional.of(module(ModuleKind.ADAPTIVE_AVG_POOL,
          CodeBlock.of(".setOutputSize($L, $L)\n", pool.height(), pool.width())));
    } else if (layer instanceof LocalResponseNorm lrn) {
      return Optional.of(localResponseNorm(lrn));
    } else if (layer instanceof Inception inception) {
      return Optional.of(inception(inception));
    } else if (layer instanceof Dropout dropout) {
      CodeBlock rate = dropout == tunableDropout ? dropoutRate : CodeBlock.of(floatLiteral(dropout.rate()));
      return Optional.of(new RowBlock(Djl.DROPOUT,
          CodeBlock.of("$T.builder().optRate($L).build()", Djl.DROPOUT, rate), Set.of(), false));
    } else if (layer instanceof Linear linear) {
      return Optional.of(linear(linear));
    } else if (layer instanceof Softmax) {
      return Optional.empty();
    }
    throw new IllegalArgumentException("unknown row type " + layer.type());
  }

  private RowBlock convolution(Convolution conv) {
    Patch patch = conv.patch();
    CodeBlock.Builder options = CodeBlock.builder()
        .add(".setKernelShape($L)\n", shape(patch.height(), patch.width()));
    if (patch.stride() != 1) {
      options.add(".optStride($L)\n", shape(patch.stride(), patch.stride()));
    }
    if (conv.padding() != 0) {
      options.add(".optPadding($L)\n", shape(conv.padding(), conv.padding()));
    }
    options.add(".setFilters($L)\n", conv.filters());
    conv.reduce().ifPresent(reduce -> options.add(".optReduction($L)\n", reduce));
    options.add(types.defaults().styleOptions(conv.style()));
    return module(ModuleKind.CONVOLUTION_UNIT, options.build());
  }

  private RowBlock inception(Inception m) {
    CodeBlock.Builder options = CodeBlock.builder()
        .add(".setBranch1x1($L)\n", m.n1x1())
        .add(".setBranch3x3($L, $L)\n", m.n3x3Reduce(), m.n3x3())
        .add(".setBranch5x5($L, $L)\n", m.n5x5Reduce(), m.n5x5());
    if (m.fivePatch() != types.defaults().fivePatch()) {
      options.add(".optBranch5x5Patch($L)\n", m.fivePatch());
    }
    options.add(".setPoolProjection($L)\n", m.poolProj()).add(types.defaults().styleOptions(m.style()));
    RowBlock block = module(ModuleKind.INCEPTION_MODULE, options.build());
    return new RowBlock(block.type(), block.construction(),
        Set.of(ModuleKind.INCEPTION_MODULE, ModuleKind.CONVOLUTION_UNIT, ModuleKind.MAX_POOL), false);
  }

  /** The options that differ from the builder's defaults, AlexNet's and Caffe's, compared as floats. */
  private RowBlock localResponseNorm(LocalResponseNorm lrn) {
    CodeBlock.Builder options = CodeBlock.builder();
    if (lrn.size() != LocalResponseNormType.DEFAULT_SIZE) {
      options.add(".optSize($L)\n", lrn.size());
    }
    if ((float) lrn.alpha() != LocalResponseNormType.DEFAULT_ALPHA) {
      options.add(".optAlpha($L)\n", floatLiteral(lrn.alpha()));
    }
    if ((float) lrn.beta() != LocalResponseNormType.DEFAULT_BETA) {
      options.add(".optBeta($L)\n", floatLiteral(lrn.beta()));
    }
    if ((float) lrn.k() != LocalResponseNormType.DEFAULT_K) {
      options.add(".optK($L)\n", floatLiteral(lrn.k()));
    }
    return module(ModuleKind.LOCAL_RESPONSE_NORM, options.build());
  }

  private RowBlock pool(Pool pool) {
    Patch patch = pool.patch();
    boolean ceil = pool.rounding() == Rounding.CEIL;
    CodeBlock window = shape(patch.height(), patch.width());
    CodeBlock stride = shape(patch.stride(), patch.stride());
    CodeBlock padding = shape(pool.padding(), pool.padding());
    if (pool.kind() == PoolKind.MAX) {
      CodeBlock.Builder options = CodeBlock.builder().add(".setKernelShape($L)\n", window);
      if (patch.stride() != 1) {
        options.add(".optStride($L)\n", stride);
      }
      if (pool.padding() != 0) {
        options.add(".optPadding($L)\n", padding);
      }
      if (ceil) {
        options.add(".optCeilMode(true)\n");
      }
      return module(ModuleKind.MAX_POOL, options.build());
    }
    // count_include_pad, as PyTorch and Caffe average
    CodeBlock construction =
        CodeBlock.of("$T.avgPool2dBlock($L, $L, $L, $L, true)", Djl.POOL, window, stride, padding, ceil);
    return new RowBlock(Djl.BLOCK, construction, Set.of(), false);
  }

  private RowBlock linear(Linear linear) {
    CodeBlock units = linear.toClasses() ? numClasses : CodeBlock.of("$L", linear.units());
    CodeBlock.Builder construction = CodeBlock.builder()
        .add("new $T()\n", Djl.SEQUENTIAL_BLOCK)
        .add(".add($T.batchFlattenBlock())\n", Djl.BLOCKS)
        .add(".add($T.builder().setUnits($L)$L.build())", Djl.LINEAR, units,
            linear.bias() ? "" : ".optBias(false)");
    if (linear.activation() == Activation.RELU) {
      construction.add("\n.add($T.reluBlock())", Djl.ACTIVATION);
    }
    return new RowBlock(Djl.SEQUENTIAL_BLOCK, construction.build(), Set.of(), true);
  }

  /**
   * {@code Module.builder()}, the options one per line, {@code .build()}; one line without options.
   * Constructions do not indent their continuation lines: a statement indents them, and a construction
   * nested in another is indented by it.
   */
  private RowBlock module(ModuleKind kind, CodeBlock options) {
    CodeBlock construction = options.isEmpty()
        ? CodeBlock.of("$T.builder().build()", types.of(kind))
        : CodeBlock.builder()
            .add("$T.builder()\n", types.of(kind))
            .add(options)
            .add(".build()")
            .build();
    return new RowBlock(types.of(kind), construction, Set.of(kind), false);
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
