package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.BatchNorm;
import io.netspec.dsl.spec.ConvolutionStyle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated code states a thing once: call sites give only what differs from the defaults of their spec's
 * module builders (the spec's prevailing convolution style and "5x5" patch), and auxiliary classifiers that
 * share their rows are built by one factory.
 */
class CallSitesTest {

  private static final Pattern UNIT_CALL =
      Pattern.compile("(ConvolutionUnit|InceptionModule)\\.builder\\(\\)[^;]*?\\.build\\(\\)");
  private static final Pattern STYLE_OPTION =
      Pattern.compile("\\.opt(Bias|BatchNorm|BatchNormEpsilon|Relu|Branch5x5Patch)\\([^)]*\\)");

  @Test
  void torchvisionCallSitesLeaveItsStyleToTheBuilderDefaults() {
    List<JavaSource> sources = generate(ShippedSpecs.analyze("googlenet-torchvision.yaml"));
    String network = source(sources, "GooglenetTorchvision");
    List<String> calls = unitCalls(network);
    assertEquals(3 + 9 + 1, calls.size(), "conv1, conv2, conv3, nine Inception modules, the shared aux conv");
    for (String call : calls) {
      assertEquals("", styleOptions(call), call);
      assertFalse(call.contains("optBatchNormEpsilon"), call);
    }
    String unit = source(sources, "ConvolutionUnit");
    assertTrue(unit.contains("Defaults of this spec, the style most of its convolutions share:\n"
        + "     * no bias, batch normalisation (epsilon 0.001), ReLU."), unit);
    assertTrue(unit.contains("private boolean bias;"), unit);
    assertTrue(unit.contains("private boolean batchNorm = true;"), unit);
    assertTrue(unit.contains("private float batchNormEpsilon = 0.001f;"), unit);
    assertTrue(unit.contains("Sets the batch normalisation's epsilon (0.001 when not set)."), unit);
    String inception = source(sources, "InceptionModule");
    assertTrue(inception.contains("private int patch5x5 = 3;"), inception);
    assertTrue(inception.contains("private float batchNormEpsilon = 0.001f;"), inception);
  }

  @Test
  void thePaperSpecKeepsThePaperDefaults() {
    List<JavaSource> sources = generate(ShippedSpecs.analyze("googlenet.yaml"));
    List<String> calls = unitCalls(source(sources, "Googlenet"));
    assertEquals(2 + 9 + 1, calls.size());
    for (String call : calls) {
      assertEquals("", styleOptions(call), call);
    }
    String unit = source(sources, "ConvolutionUnit");
    assertTrue(unit.contains("private boolean bias = true;"), unit);
    assertTrue(unit.contains("private boolean batchNorm;"), unit);
    assertTrue(unit.contains("private float batchNormEpsilon = 1e-5f;"), unit);
  }

  @Test
  void googlenetBuildsItsTwoAuxClassifiersThroughOneFactory() {
    Map<String, String> stage4 = Map.of("googlenet.yaml", "inception_4", "googlenet-torchvision.yaml", "inception4");
    for (String spec : List.of("googlenet.yaml", "googlenet-torchvision.yaml")) {
      NetworkAnalysis analysis = ShippedSpecs.analyze(spec);
      String row = stage4.get(spec);
      String network = source(generate(analysis), analysis.spec().className());
      assertEquals(1, count(network, "AuxClassifier.builder()"), network);
      assertEquals(1, count(network, "private static AuxClassifier auxClassifier(String attachedTo,"
          + " float lossWeight,\n            int numClasses) {\n        return AuxClassifier.builder()"), network);
      String constructor = constructor(network, analysis.spec().className());
      assertTrue(constructor.contains(
          "aux1 = addChildBlock(\"aux1\", auxClassifier(\"" + row + "a\", 0.3f, numClasses));"), constructor);
      assertTrue(constructor.contains(
          "aux2 = addChildBlock(\"aux2\", auxClassifier(\"" + row + "d\", 0.3f, numClasses));"), constructor);
      assertFalse(constructor.contains("AuxClassifier.builder()"), constructor);
      assertEquals(1, count(network, "throw new IllegalStateException"), "one check for both accessors");
    }
  }

  @Test
  void aSingleAuxClassifierKeepsItsBuilderChain() {
    String network = source(generate(ShippedSpecs.analyze("googlenet-fashion.yaml")), "GooglenetFashion");
    String constructor = constructor(network, "GooglenetFashion");
    assertTrue(constructor.contains("aux1 = addChildBlock(\"aux1\", AuxClassifier.builder()\n"), constructor);
    assertFalse(network.contains("private static AuxClassifier"), network);
  }

  @Test
  void localResponseNormStatesOnlyWhatDiffersFromItsDefaults(@TempDir Path folder) throws IOException {
    String googlenet = source(generate(ShippedSpecs.analyze("googlenet.yaml")), "Googlenet");
    assertTrue(googlenet.contains("norm1 = addChildBlock(\"norm1\", LocalResponseNorm.builder().build());"));
    String yaml = """
        input: 8x8x1
        classes: 2
        layers:
          - {name: norm, type: lrn, size: 3, alpha: 0.0001, beta: 0.5, k: 2}
          - {name: pool, type: global_avg_pool}
          - {name: fc, type: linear, units: classes}
        auxiliary_classifiers: []
        """;
    String network = source(generate(TempSpecs.analyze(folder, "lrn.yaml", yaml)), "Lrn");
    assertTrue(network.contains("""
        norm = addChildBlock("norm", LocalResponseNorm.builder()
                        .optSize(3)
                        .optBeta(0.5f)
                        .optK(2f)
                        .build());"""), network);
  }

  /**
   * Most convolutions have no bias and BatchNorm 0.001, as torchvision's; the rows that differ say so, aux1
   * and aux2 share their rows through an alias and aux3 has its own. The network computes what the analysis
   * says.
   */
  @Test
  void rowsThatDifferFromTheDefaultsSaySoAndStillCompute(@TempDir Path folder) throws IOException {
    String yaml = """
        input: 8x8x3
        classes: 4
        defaults:
          convolution: {bias: false, batch_norm: {epsilon: 0.001}}
        layers:
          - {name: conv1, type: convolution, patch: 3x3/1, filters: 8}
          - {name: conv2, type: convolution, patch: 3x3/1, filters: 8, bias: true, batch_norm: off, activation: none}
          - {name: conv3, type: convolution, patch: 3x3/1, filters: 8, batch_norm: on}
          - {name: mix, type: inception, 1x1: 4, 3x3_reduce: 4, 3x3: 8, 5x5_reduce: 2, 5x5: 4, pool_proj: 4, 5x5_patch: 3x3}
          - {name: mix2, type: inception, 1x1: 4, 3x3_reduce: 4, 3x3: 8, 5x5_reduce: 2, 5x5: 4, pool_proj: 4, bias: true, batch_norm: off}
          - {name: pool, type: global_avg_pool}
          - {name: fc, type: linear, units: classes}
        auxiliary_classifiers:
          - name: aux1
            after: mix
            loss_weight: 0.3
            layers: &shared
              - {name: pool, type: adaptive_avg_pool, output: 2x2}
              - {name: conv, type: convolution, patch: 1x1/1, filters: 4}
              - {name: fc, type: linear, units: classes}
          - name: aux2
            after: mix2
            loss_weight: 0.5
            layers: *shared
          - name: aux3
            after: mix2
            loss_weight: 0.1
            layers:
              - {name: pool, type: global_avg_pool}
              - {name: fc, type: linear, units: 3}
        """;
    NetworkAnalysis analysis = TempSpecs.analyze(folder, "mixed.yaml", yaml);
    assertEquals(new ModuleDefaults(new ConvolutionStyle(false, Optional.of(new BatchNorm(0.001)),
        Activation.RELU), 3), ModuleDefaults.of(analysis.spec()), "9 convolutions against 6; patch 3 met first");
    List<JavaSource> sources = generate(analysis);
    String network = source(sources, "Mixed");
    List<String> calls = unitCalls(constructor(network, "Mixed"));
    assertEquals(List.of(
        "",
        ".optBias(true) .optBatchNorm(false) .optRelu(false)",
        ".optBatchNormEpsilon(0.00001f)",
        "",
        ".optBranch5x5Patch(5) .optBias(true) .optBatchNorm(false)"),
        calls.stream().map(CallSitesTest::styleOptions).toList());
    String constructor = constructor(network, "Mixed");
    assertTrue(constructor.contains(
        "aux1 = addChildBlock(\"aux1\", auxClassifierLikeAux1(\"mix\", 0.3f, numClasses));"), constructor);
    assertTrue(constructor.contains(
        "aux2 = addChildBlock(\"aux2\", auxClassifierLikeAux1(\"mix2\", 0.5f, numClasses));"), constructor);
    assertTrue(constructor.contains("aux3 = addChildBlock(\"aux3\", AuxClassifier.builder()\n"), constructor);
    assertEquals(2, count(network, "AuxClassifier.builder()"), "the factory's and aux3's");
    assertEquals(sources, generate(TempSpecs.analyze(folder, "mixed.yaml", yaml)), "same bytes again");

    Block block = GeneratedNetworks.compile(analysis).build();
    Shape input = new Shape(2, 3, 8, 8);
    try (NDManager manager = NDManager.newBaseManager()) {
      block.initialize(manager, DataType.FLOAT32, input);
      assertEquals(analysis.trainableParams(true), trainableParams(block));
      NDList training = block.forward(new ParameterStore(manager, false),
          new NDList(manager.randomUniform(0, 1, input)), true);
      assertArrayEquals(new Shape[] {new Shape(2, 4), new Shape(2, 4), new Shape(2, 4), new Shape(2, 3)},
          training.getShapes());
      assertArrayEquals(new float[] {0.3f, 0.5f, 0.1f},
          (float[]) GeneratedNetworks.call(block, "auxLossWeights"));
      Object aux2 = GeneratedNetworks.call(block, "aux2");
      assertEquals("mix2", GeneratedNetworks.call(aux2, "attachedTo"));
      assertEquals(0.5f, GeneratedNetworks.call(aux2, "lossWeight"));
    }
  }

  @Test
  void aTieGoesToTheStyleMetFirst(@TempDir Path folder) throws IOException {
    String template = """
        input: 8x8x1
        classes: 2
        layers:
          - {name: a, type: convolution, patch: 3x3/1, filters: 2%s}
          - {name: b, type: convolution, patch: 3x3/1, filters: 2%s}
          - {name: fc, type: linear, units: classes}
        auxiliary_classifiers: []
        """;
    String paperFirst = template.formatted("", ", batch_norm: on");
    String normFirst = template.formatted(", batch_norm: on", "");
    assertEquals(ModuleDefaults.PAPER, ModuleDefaults.of(TempSpecs.analyze(folder, "tie.yaml", paperFirst).spec()));
    ModuleDefaults norm = ModuleDefaults.of(TempSpecs.analyze(folder, "tie.yaml", normFirst).spec());
    assertEquals(Optional.of(new BatchNorm(BatchNorm.DEFAULT_EPSILON)), norm.style().batchNorm(), normFirst);
  }

  private static List<JavaSource> generate(NetworkAnalysis analysis) {
    return NetworkGenerator.builder().build().generateAll(List.of(analysis));
  }

  private static String source(List<JavaSource> sources, String simpleName) {
    return sources.stream().filter(source -> source.qualifiedName().endsWith("." + simpleName)).findFirst()
        .orElseThrow(() -> new AssertionError("no class " + simpleName)).content();
  }

  /** The body of the network's constructor. */
  private static String constructor(String network, String className) {
    int start = network.indexOf("    private " + className + "(Builder builder) {\n");
    assertTrue(start >= 0, network);
    return network.substring(start, network.indexOf("\n    }\n", start));
  }

  /** Each {@code ConvolutionUnit.builder()...build()} and {@code InceptionModule.builder()...build()}. */
  private static List<String> unitCalls(String source) {
    Matcher matcher = UNIT_CALL.matcher(source);
    List<String> calls = new ArrayList<>();
    while (matcher.find()) {
      calls.add(matcher.group());
    }
    return calls;
  }

  /** The style and patch options of a call, space-separated, in order. */
  private static String styleOptions(String call) {
    Matcher matcher = STYLE_OPTION.matcher(call);
    List<String> options = new ArrayList<>();
    while (matcher.find()) {
      options.add(matcher.group());
    }
    return String.join(" ", options);
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }

  private static long trainableParams(Block network) {
    long count = 0;
    for (Parameter parameter : network.getParameters().values()) {
      if (parameter.requiresGradient()) {
        count += parameter.getArray().getShape().size();
      }
    }
    return count;
  }
}
