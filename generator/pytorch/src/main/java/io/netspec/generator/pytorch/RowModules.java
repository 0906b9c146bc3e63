package io.netspec.generator.pytorch;

import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.AdaptiveAvgPool;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PyTorch module of each kind of row, as a constructor expression, with the semantics of netspec's DJL
 * blocks: convolutions pad as the spec says, pools round as the spec says and average pools count the padding,
 * LRN is PyTorch's (the DJL block's definition), global average pooling is adaptive pooling to 1x1, a linear
 * row flattens its input first.
 */
final class RowModules {

  /** The names the expressions use for the widths a constructor receives. */
  private final String inChannels;
  private final Layer headDropout;

  /**
   * @param inChannels the expression of the first row's input channels, or null to write the number
   * @param headDropout the dropout row whose rate is the constructor's {@code dropout}, or null
   */
  RowModules(String inChannels, Layer headDropout) {
    this.inChannels = inChannels;
    this.headDropout = headDropout;
  }

  /**
   * The module of a row; empty for {@code softmax}, which the loss and {@code predict} apply.
   *
   * @param readsInput whether the row reads the channels of the constructor's input, where {@code inChannels}
   *     names them
   */
  Optional<String> module(RowFigures row, boolean readsInput) {
    Layer layer = row.layer();
    String in = readsInput && inChannels != null ? inChannels : Integer.toString(row.input().channels());
    return layer.accept(new LayerVisitor<>() {
      @Override
      public Optional<String> visitConvolution(Convolution conv) {
        return Optional.of(convolution(conv, in));
      }

      @Override
      public Optional<String> visitPool(Pool pool) {
        return Optional.of(pool(pool));
      }

      @Override
      public Optional<String> visitGlobalAvgPool(GlobalAvgPool pool) {
        return Optional.of("nn.AdaptiveAvgPool2d(1)");
      }

      @Override
      public Optional<String> visitAdaptiveAvgPool(AdaptiveAvgPool pool) {
        return Optional.of("nn.AdaptiveAvgPool2d((" + pool.height() + ", " + pool.width() + "))");
      }

      @Override
      public Optional<String> visitLocalResponseNorm(LocalResponseNorm lrn) {
        return Optional.of("nn.LocalResponseNorm(" + lrn.size() + ", alpha=" + PythonLiterals.number(lrn.alpha())
            + ", beta=" + PythonLiterals.number(lrn.beta()) + ", k=" + PythonLiterals.number(lrn.k()) + ")");
      }

      @Override
      public Optional<String> visitInception(Inception inception) {
        return Optional.of(inception(inception, in));
      }

      @Override
      public Optional<String> visitDropout(Dropout dropout) {
        return Optional.of("nn.Dropout(" + (layer == headDropout ? "dropout" : PythonLiterals.number(dropout.rate()))
            + ")");
      }

      @Override
      public Optional<String> visitLinear(Linear linear) {
        String units = linear.toClasses() ? "num_classes" : Integer.toString(linear.units());
        long features = row.input().size();
        return Optional.of("nn.Linear(" + features + ", " + units + (linear.bias() ? "" : ", bias=False") + ")");
      }

      @Override
      public Optional<String> visitSoftmax(Softmax softmax) {
        return Optional.empty();
      }
    });
  }

  /** Whether the row's output has other channels than its input (or is flat). */
  static boolean changesChannels(Layer layer) {
    return layer.accept(CHANGES_CHANNELS);
  }

  private static final LayerVisitor<Boolean> CHANGES_CHANNELS = new LayerVisitor<>() {
    @Override
    public Boolean visitConvolution(Convolution row) {
      return true;
    }

    @Override
    public Boolean visitPool(Pool row) {
      return false;
    }

    @Override
    public Boolean visitGlobalAvgPool(GlobalAvgPool row) {
      return false;
    }

    @Override
    public Boolean visitAdaptiveAvgPool(AdaptiveAvgPool row) {
      return false;
    }

    @Override
    public Boolean visitLocalResponseNorm(LocalResponseNorm row) {
      return false;
    }

    @Override
    public Boolean visitInception(Inception row) {
      return true;
    }

    @Override
    public Boolean visitDropout(Dropout row) {
      return false;
    }

    @Override
    public Boolean visitLinear(Linear row) {
      return true;
    }

    @Override
    public Boolean visitSoftmax(Softmax row) {
      return false;
    }
  };

  /** The forward statement of a row, reading and assigning {@code x}. */
  static String call(Layer layer) {
    String attribute = "self." + layer.name();
    if (layer instanceof Linear linear) {
      String applied = attribute + "(torch.flatten(x, 1))";
      return "x = " + (linear.activation() == Activation.RELU ? "F.relu(" + applied + ")" : applied);
    }
    return "x = " + attribute + "(x)";
  }

  private static String convolution(Convolution conv, String in) {
    Patch patch = conv.patch();
    List<String> arguments = new ArrayList<>();
    arguments.add(in);
    conv.reduce().ifPresent(reduce -> arguments.add(Integer.toString(reduce)));
    arguments.add(Integer.toString(conv.filters()));
    arguments.add(PythonLiterals.size(patch.height(), patch.width()));
    if (patch.stride() != 1) {
      arguments.add("stride=" + patch.stride());
    }
    if (conv.padding() != 0) {
      arguments.add("padding=" + conv.padding());
    }
    arguments.addAll(style(conv.style()));
    return (conv.reduce().isPresent() ? "reduced_conv(" : "ConvUnit(") + String.join(", ", arguments) + ")";
  }

  private static String inception(Inception row, String in) {
    List<String> arguments = new ArrayList<>(List.of(in, Integer.toString(row.n1x1()),
        Integer.toString(row.n3x3Reduce()), Integer.toString(row.n3x3()), Integer.toString(row.n5x5Reduce()),
        Integer.toString(row.n5x5()), Integer.toString(row.poolProj())));
    if (row.fivePatch() != 5) {
      arguments.add("five_patch=" + row.fivePatch());
    }
    arguments.addAll(style(row.style()));
    return "Inception(" + String.join(", ", arguments) + ")";
  }

  /** The keyword arguments of a unit's style that differ from ConvUnit's defaults (bias, no BN, ReLU). */
  private static List<String> style(ConvolutionStyle style) {
    List<String> arguments = new ArrayList<>();
    if (!style.bias()) {
      arguments.add("bias=False");
    }
    style.batchNorm().ifPresent(norm -> arguments.add("bn_eps=" + PythonLiterals.number(norm.epsilon())));
    if (style.activation() == Activation.NONE) {
      arguments.add("relu=False");
    }
    return arguments;
  }

  private static String pool(Pool pool) {
    Patch patch = pool.patch();
    StringBuilder text = new StringBuilder(pool.kind() == PoolKind.MAX ? "nn.MaxPool2d(" : "nn.AvgPool2d(")
        .append(PythonLiterals.size(patch.height(), patch.width()))
        .append(", stride=").append(patch.stride());
    if (pool.padding() != 0) {
      text.append(", padding=").append(pool.padding());
    }
    if (pool.rounding() == Rounding.CEIL) {
      text.append(", ceil_mode=True");
    }
    return text.append(')').toString();
  }
}
