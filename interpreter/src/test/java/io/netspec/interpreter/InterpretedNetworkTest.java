package io.netspec.interpreter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.NetworkSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interpreted network's own contract: its children, builder options and outputs. That it is the same network
 * as the generated class is checked in {@code generator/core} ({@code InterpreterAgreementTest} and the fuzz test).
 */
class InterpretedNetworkTest {

  private static NetworkSpec spec(String name) throws IOException, SpecException {
    return SpecLoader.load(Path.of("../specs").resolve(name));
  }

  @Test
  void hasAChildPerRowButSoftmaxThenPerClassifier() throws Exception {
    NetworkSpec spec = spec("googlenet.yaml");
    List<String> expected = new ArrayList<>();
    for (Layer layer : spec.layers()) {
      if (!layer.type().equals("softmax")) {
        expected.add(layer.name());
      }
    }
    InterpretedNetwork without = InterpretedNetwork.builder(spec).optAuxClassifiers(false).build();
    assertEquals(expected, names(without));
    expected.addAll(List.of("aux1", "aux2"));
    assertEquals(expected, names(InterpretedNetwork.builder(spec).build()));
  }

  @Test
  void trainingAddsTheAuxiliaryLogits() throws Exception {
    InterpretedNetwork network = InterpretedNetwork.builder(spec("googlenet-fashion.yaml")).optNumClasses(4).build();
    assertArrayEquals(new float[] {0.3f}, network.auxLossWeights());
    Shape input = new Shape(2, 1, 28, 28);
    try (NDManager manager = NDManager.newBaseManager()) {
      network.initialize(manager, DataType.FLOAT32, input);
      ParameterStore parameters = new ParameterStore(manager, false);
      NDList images = new NDList(manager.randomUniform(0, 1, input));
      NDList inference = network.forward(parameters, images, false);
      NDList training = network.forward(parameters, images, true);
      assertArrayEquals(new Shape[] {new Shape(2, 4)}, inference.getShapes());
      assertEquals(2, training.size());
      assertEquals(new Shape(2, 4), training.get(1).getShape());
      assertArrayEquals(new Shape[] {new Shape(2, 4)}, network.getOutputShapes(new Shape[] {input}));
    }
  }

  @Test
  void rejectsWrongOptionsAndInputs() throws Exception {
    InterpretedNetwork.Builder builder = InterpretedNetwork.builder(spec("googlenet-fashion.yaml"));
    assertThrows(IllegalArgumentException.class, () -> builder.optNumClasses(0));
    assertThrows(IllegalArgumentException.class, () -> builder.optDropoutRate(1));
    InterpretedNetwork network = builder.build();
    try (NDManager manager = NDManager.newBaseManager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 28, 28)));
      assertTrue(e.getMessage().contains("(N, 1, 28, 28)"), e.getMessage());
    }
  }

  private static List<String> names(InterpretedNetwork network) {
    return network.getChildren().keys().stream().map(key -> key.substring(2)).toList();
  }
}
