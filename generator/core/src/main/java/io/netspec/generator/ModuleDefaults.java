package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.BatchNorm;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the builders of one spec's {@code ConvolutionUnit} and {@code InceptionModule} assume when a call does
 * not say otherwise: the convolution style most of the spec's convolutions share, and the "5x5" patch most of
 * its Inception modules use. The module classes are generated per spec package, so their defaults can be the
 * spec's own, and each call site states only what differs from them.
 *
 * <p>Convolutions are counted one by one, wherever they are: a convolution row counts once per layer (twice
 * with a reduction), an Inception module six times (its branches' convolutions), and the auxiliary
 * classifiers' rows count as the main path's. On a tie, the style met first in spec order wins.
 *
 * @param style the prevailing convolution style
 * @param fivePatch the prevailing patch of the Inception modules' "5x5" branch
 */
record ModuleDefaults(ConvolutionStyle style, int fivePatch) {

  /** The paper's: bias, no batch normalisation, ReLU; a 5x5 patch. */
  static final ModuleDefaults PAPER = new ModuleDefaults(ConvolutionStyle.PAPER, 5);

  /** The convolutions of an Inception module: 1x1, 3x3 reduce, 3x3, 5x5 reduce, 5x5, pool projection. */
  private static final int INCEPTION_CONVOLUTIONS = 6;

  /** The prevailing style and patch of the spec's convolution and Inception rows, main path and aux. */
  static ModuleDefaults of(NetworkSpec spec) {
    List<Layer> layers = new ArrayList<>(spec.layers());
    for (AuxClassifier aux : spec.auxClassifiers()) {
      layers.addAll(aux.layers());
    }
    Map<ConvolutionStyle, Integer> styles = new LinkedHashMap<>();
    Map<Integer, Integer> patches = new LinkedHashMap<>();
    for (Layer layer : layers) {
      if (layer instanceof Convolution conv) {
        styles.merge(conv.style(), conv.depth(), Integer::sum);
      } else if (layer instanceof Inception inception) {
        styles.merge(inception.style(), INCEPTION_CONVOLUTIONS, Integer::sum);
        patches.merge(inception.fivePatch(), 1, Integer::sum);
      }
    }
    return new ModuleDefaults(mostCommon(styles, PAPER.style()), mostCommon(patches, PAPER.fivePatch()));
  }

  /** The key counted most often; the first one met on a tie (the map keeps insertion order). */
  private static <T> T mostCommon(Map<T, Integer> counts, T none) {
    T best = none;
    int bestCount = 0;
    for (Map.Entry<T, Integer> entry : counts.entrySet()) {
      if (entry.getValue() > bestCount) {
        best = entry.getKey();
        bestCount = entry.getValue();
      }
    }
    return best;
  }

  private static boolean batchNorm(ConvolutionStyle style) {
    return style.batchNorm().isPresent();
  }

  private static double epsilon(ConvolutionStyle style) {
    return style.batchNorm().map(BatchNorm::epsilon).orElse(BatchNorm.DEFAULT_EPSILON);
  }

  private static boolean relu(ConvolutionStyle style) {
    return style.activation() == Activation.RELU;
  }

  /**
   * The builder options that turn the default style into {@code target}, one per line: nothing when it is
   * the default. An epsilon is stated only when batch normalisation is on.
   */
  CodeBlock styleOptions(ConvolutionStyle target) {
    CodeBlock.Builder options = CodeBlock.builder();
    if (target.bias() != style.bias()) {
      options.add(".optBias($L)\n", target.bias());
    }
    if (batchNorm(target) != batchNorm(style)) {
      options.add(".optBatchNorm($L)\n", batchNorm(target));
    }
    if (batchNorm(target) && epsilon(target) != epsilon(style)) {
      options.add(".optBatchNormEpsilon($L)\n", RowBlocks.floatLiteral(epsilon(target)));
    }
    if (relu(target) != relu(style)) {
      options.add(".optRelu($L)\n", relu(target));
    }
    return options.build();
  }

  /** The default style in words, for javadoc: {@code no bias, batch normalisation (epsilon 0.001), ReLU}. */
  String describeStyle() {
    return (style.bias() ? "bias" : "no bias")
        + (batchNorm(style) ? ", batch normalisation (epsilon " + epsilonText(epsilon(style)) + ")"
            : ", no batch normalisation")
        + (relu(style) ? ", ReLU" : ", no ReLU");
  }

  /** {@code 1e-5} as DJL and PyTorch write it, other values as plain decimals. */
  private static String epsilonText(double epsilon) {
    return epsilon == BatchNorm.DEFAULT_EPSILON ? "1e-5" : RowBlocks.floatLiteral(epsilon).replace("f", "");
  }

  /**
   * The style fields of a module builder, initialised to the default style, and their {@code opt} setters.
   * {@code ConvolutionUnit} and {@code InceptionModule} share them.
   */
  StyleMembers styleMembers(ClassName builder) {
    CodeBlock none = CodeBlock.of("");
    FieldSpec bias = BuilderMethods.field(TypeName.BOOLEAN, "bias", flag(style.bias()));
    FieldSpec batchNorm = BuilderMethods.field(TypeName.BOOLEAN, "batchNorm", flag(batchNorm(style)));
    FieldSpec epsilon = BuilderMethods.field(TypeName.FLOAT, "batchNormEpsilon",
        CodeBlock.of("$L", epsilonText(epsilon(style)) + "f"));
    FieldSpec relu = BuilderMethods.field(TypeName.BOOLEAN, "relu", flag(relu(style)));
    List<MethodSpec> setters = List.of(
        BuilderMethods.setter(builder, "optBias", bias,
            "Sets whether the convolutions add a bias (" + style.bias() + " when not set).",
            "whether to add a bias", none),
        BuilderMethods.setter(builder, "optBatchNorm", batchNorm,
            "Sets whether batch normalisation follows each convolution (" + batchNorm(style)
                + " when not set).", "whether to normalise", none),
        BuilderMethods.setter(builder, "optBatchNormEpsilon", epsilon,
            "Sets the batch normalisation's epsilon (" + epsilonText(epsilon(style)) + " when not set).",
            "the epsilon",
            BuilderMethods.require("batchNormEpsilon > 0", "epsilon must be positive: ", epsilon)),
        BuilderMethods.setter(builder, "optRelu", relu,
            "Sets whether a ReLU follows each convolution (" + relu(style) + " when not set).",
            "whether to apply a ReLU", none));
    return new StyleMembers(bias, batchNorm, epsilon, relu, setters);
  }

  /** {@code true}, or no initialiser for {@code false}, a boolean field's own default. */
  private static CodeBlock flag(boolean value) {
    return value ? CodeBlock.of("true") : CodeBlock.of("");
  }

  /**
   * The style fields of a module builder and their setters.
   *
   * @param bias whether the convolutions add a bias
   * @param batchNorm whether batch normalisation follows each convolution
   * @param epsilon the batch normalisation's epsilon
   * @param relu whether a ReLU ends each convolution
   * @param setters {@code optBias}, {@code optBatchNorm}, {@code optBatchNormEpsilon}, {@code optRelu}
   */
  record StyleMembers(FieldSpec bias, FieldSpec batchNorm, FieldSpec epsilon, FieldSpec relu,
      List<MethodSpec> setters) {

    List<FieldSpec> fields() {
      return List.of(bias, batchNorm, epsilon, relu);
    }

    /** {@code .optBias(bias)} and the others, one per line: passes this builder's style on to another. */
    CodeBlock passOn() {
      return CodeBlock.builder()
          .add(".optBias($N)\n", bias)
          .add(".optBatchNorm($N)\n", batchNorm)
          .add(".optBatchNormEpsilon($N)\n", epsilon)
          .add(".optRelu($N)\n", relu)
          .build();
    }
  }
}
