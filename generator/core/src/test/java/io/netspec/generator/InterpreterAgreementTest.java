package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.interpreter.InterpretedNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interpreter builds, from every shipped spec, the network the generated class is: the same parameter names
 * and shapes, parameters that load from one into the other, the same outputs (see {@link NetworkAgreement} for
 * the tolerance), and what the analysis says.
 */
class InterpreterAgreementTest {

  private static final int BATCH = 2;

  static List<String> shippedSpecs() {
    return ShippedSpecs.names();
  }

  @ParameterizedTest
  @MethodSource("shippedSpecs")
  void interpretedIsTheGeneratedNetwork(String specName) {
    NetworkAnalysis analysis = ShippedSpecs.analyze(specName);
    Block generated = GeneratedNetworks.compile(analysis).build();
    InterpretedNetwork interpreted = InterpretedNetwork.builder(analysis.spec()).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkAgreement.assertSameNetwork(generated, interpreted, manager, AnalysisChecks.inputShape(analysis, BATCH));
    }
  }

  @ParameterizedTest
  @MethodSource("shippedSpecs")
  void interpretedRunsAsAnalysed(String specName) {
    NetworkAnalysis analysis = ShippedSpecs.analyze(specName);
    try (NDManager manager = NDManager.newBaseManager()) {
      AnalysisChecks.assertRunsAsAnalysed(analysis, InterpretedNetwork.builder(analysis.spec()).build(), manager,
          BATCH);
    }
  }

  @Test
  void optionsAgreeWithTheGeneratedBuilders() {
    NetworkAnalysis analysis = ShippedSpecs.analyze("googlenet-fashion.yaml");
    Block generated = GeneratedNetworks.compile(analysis)
        .build("optNumClasses", 7, "optAuxClassifiers", false, "optDropoutRate", 0.25f);
    InterpretedNetwork interpreted = InterpretedNetwork.builder(analysis.spec())
        .optNumClasses(7).optAuxClassifiers(false).optDropoutRate(0.25f).build();
    assertEquals(7, interpreted.numClasses());
    assertEquals(false, interpreted.hasAuxClassifiers());
    assertArrayEquals(new float[0], interpreted.auxLossWeights());
    assertEquals(generated.getChildren().keys(), interpreted.getChildren().keys());
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkAgreement.assertSameNetwork(generated, interpreted, manager, AnalysisChecks.inputShape(analysis, BATCH));
    }
  }

  @Test
  void describesItsSpec() {
    NetworkAnalysis analysis = ShippedSpecs.analyze("googlenet-torchvision.yaml");
    InterpretedNetwork network = InterpretedNetwork.builder(analysis.spec()).build();
    assertArrayEquals(new float[] {0.3f, 0.3f}, network.auxLossWeights());
    assertEquals(new Shape(3, 224, 224), network.inputShape());
    assertEquals(analysis.spec().classes(), network.numClasses());
    assertEquals(true, network.child("aux2").isPresent());
    assertEquals(true, network.child("conv1").isPresent());
    assertEquals(false, network.child("softmax").isPresent());
    Shape input = new Shape(BATCH, 3, 224, 224);
    Shape logits = new Shape(BATCH, analysis.spec().classes());
    assertArrayEquals(new Shape[] {logits, logits, logits}, network.getTrainingOutputShapes(new Shape[] {input}));
  }

  @Test
  void rejectsAnInputOfAnotherSize() {
    InterpretedNetwork network = InterpretedNetwork.builder(ShippedSpecs.analyze("googlenet-fashion.yaml").spec())
        .build();
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThrows(IllegalArgumentException.class,
          () -> network.initialize(manager, DataType.FLOAT32, new Shape(BATCH, 3, 28, 28)));
    }
  }
}
