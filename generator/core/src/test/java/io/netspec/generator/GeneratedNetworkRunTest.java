package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.TensorShape;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Compiles the generated sources of every shipped spec with {@code -Xlint:all}, builds and initialises the
 * network on the PyTorch engine (CPU) and checks what it computes against the spec's analysis.
 */
class GeneratedNetworkRunTest {

  private static final int BATCH = 2;

  static List<String> shippedSpecs() {
    return ShippedSpecs.names();
  }

  @ParameterizedTest
  @MethodSource("shippedSpecs")
  void runsWithTheAnalysedShapes(String specName) {
    NetworkAnalysis analysis = ShippedSpecs.analyze(specName);
    GeneratedNetworks generated = GeneratedNetworks.compile(analysis);
    TensorShape in = analysis.input();
    int classes = analysis.spec().classes();
    assertEquals(specName, generated.constant("SPEC_FILE"));
    assertEquals(analysis.spec().sha256(), generated.constant("SPEC_SHA256"));
    assertEquals(new Shape(in.channels(), in.height(), in.width()), generated.constant("INPUT_SHAPE"));
    assertEquals(classes, generated.constant("DEFAULT_CLASSES"));

    try (NDManager manager = NDManager.newBaseManager()) {
      AnalysisChecks.assertRunsAsAnalysed(analysis, generated.build(), manager, BATCH);
    }
  }

  @Test
  void optionsChangeClassesAndDropAuxClassifiers() {
    NetworkAnalysis analysis = ShippedSpecs.analyze("googlenet-fashion.yaml");
    GeneratedNetworks generated = GeneratedNetworks.compile(analysis);
    Block network = generated.build("optNumClasses", 7, "optAuxClassifiers", false, "optDropoutRate", 0.25f);
    assertEquals(7, GeneratedNetworks.call(network, "numClasses"));
    assertEquals(false, GeneratedNetworks.call(network, "hasAuxClassifiers"));
    assertArrayEquals(new float[0], (float[]) GeneratedNetworks.call(network, "auxLossWeights"));
    assertThrows(AssertionError.class, () -> GeneratedNetworks.call(network, "aux1"));
    assertEquals(analysis.rows().size() - 1, network.getChildren().size(), "every row but softmax, no aux");

    Shape input = new Shape(BATCH, 1, 28, 28);
    try (NDManager manager = NDManager.newBaseManager()) {
      network.initialize(manager, DataType.FLOAT32, input);
      NDList training = network.forward(new ParameterStore(manager, false),
          new NDList(manager.randomUniform(0, 1, input)), true);
      assertEquals(1, training.size());
      assertEquals(new Shape(BATCH, 7), training.head().getShape());
    }
  }

  @Test
  void withAuxClassifiersTheirWeightsAndChildrenFollowTheSpec() {
    NetworkAnalysis analysis = ShippedSpecs.analyze("googlenet-torchvision.yaml");
    Block network = GeneratedNetworks.compile(analysis).build();
    assertArrayEquals(new float[] {0.3f, 0.3f}, (float[]) GeneratedNetworks.call(network, "auxLossWeights"));
    List<String> names = network.getChildren().keys();
    assertEquals("01conv1", names.get(0));
    assertEquals(List.of("aux1", "aux2"), names.subList(names.size() - 2, names.size()).stream()
        .map(name -> name.substring(2)).toList());
    Object aux2 = GeneratedNetworks.call(network, "aux2");
    assertEquals("inception4d", GeneratedNetworks.call(aux2, "attachedTo"));
  }

  @Test
  void rejectsAnInputOfAnotherSize() {
    Block network = GeneratedNetworks.compile(ShippedSpecs.analyze("googlenet-fashion.yaml")).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThrows(IllegalArgumentException.class,
          () -> network.initialize(manager, DataType.FLOAT32, new Shape(BATCH, 3, 28, 28)));
    }
  }
}
