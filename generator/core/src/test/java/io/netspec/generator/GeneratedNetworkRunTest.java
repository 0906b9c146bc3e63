package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.analysis.TensorShape;
import java.util.List;
import java.util.Optional;
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

    Block network = generated.build();
    Shape input = new Shape(BATCH, in.channels(), in.height(), in.width());
    try (NDManager manager = NDManager.newBaseManager()) {
      network.initialize(manager, DataType.FLOAT32, input);
      assertEquals(analysis.trainableParams(!analysis.auxClassifiers().isEmpty()), trainableParams(network),
          "trainable parameters (BatchNorm running statistics aside)");
      ParameterStore parameters = new ParameterStore(manager, false);
      NDArray images = manager.randomUniform(0, 1, input);

      NDList inference = network.forward(parameters, new NDList(images), false);
      assertEquals(1, inference.size());
      assertEquals(new Shape(BATCH, classes), inference.head().getShape());
      assertArrayEquals(new Shape[] {new Shape(BATCH, classes)}, network.getOutputShapes(new Shape[] {input}));

      NDList training = network.forward(parameters, new NDList(images), true);
      assertEquals(1 + analysis.auxClassifiers().size(), training.size(), "logits, then each aux's");
      for (NDArray logits : training) {
        assertEquals(new Shape(BATCH, classes), logits.getShape());
      }
      for (int i = 0; i < analysis.auxClassifiers().size(); i++) {
        assertEquals(flat(analysis.auxClassifiers().get(i).output()), training.get(i + 1).getShape().size() / BATCH);
      }
      assertChildrenFollowTheAnalysis(analysis, network, parameters, images);
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
    assertEquals("inception_4d", GeneratedNetworks.call(aux2, "attachedTo"));
  }

  @Test
  void rejectsAnInputOfAnotherSize() {
    Block network = GeneratedNetworks.compile(ShippedSpecs.analyze("googlenet-fashion.yaml")).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThrows(IllegalArgumentException.class,
          () -> network.initialize(manager, DataType.FLOAT32, new Shape(BATCH, 3, 28, 28)));
    }
  }

  /** Runs the main-path children one by one and compares each output with the analysis row of its name. */
  private static void assertChildrenFollowTheAnalysis(
      NetworkAnalysis analysis, Block network, ParameterStore parameters, NDArray images) {
    NDList x = new NDList(images);
    for (Pair<String, Block> child : network.getChildren()) {
      String name = child.getKey().substring(2); // DJL prefixes a two-digit index
      Optional<AuxFigures> aux = analysis.auxClassifiers().stream()
          .filter(a -> a.classifier().name().equals(name)).findFirst();
      if (aux.isPresent()) {
        continue;
      }
      RowFigures row = analysis.row(name).orElseThrow(() -> new AssertionError("no row " + name));
      x = child.getValue().forward(parameters, x, false);
      Shape shape = x.singletonOrThrow().getShape();
      if (shape.dimension() == 4) {
        TensorShape out = row.output();
        assertEquals(new Shape(BATCH, out.channels(), out.height(), out.width()), shape, name);
      } else {
        assertEquals(flat(row.output()), shape.size() / BATCH, name);
      }
    }
  }

  private static long flat(TensorShape shape) {
    return shape.size();
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
