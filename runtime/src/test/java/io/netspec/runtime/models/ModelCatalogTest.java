package io.netspec.runtime.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.netspec.runtime.testnet.TinyNet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelCatalogTest {

  private static ModelCatalog catalog() throws ModelException {
    return new ModelCatalog(List.of(ModelType.of(TinyNet.class)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tiny-net", "TinyNet", "tiny-net.yaml", "TINY-NET", "tinynet"})
  void findsByStemClassNameOrFileName(String name) throws Exception {
    assertSame(TinyNet.class, catalog().find(name).networkClass());
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    ModelException e = assertThrows(ModelException.class, () -> catalog().find("alexnet"));
    assertEquals("unknown model 'alexnet'; known: tiny-net", e.getMessage());
  }

  @Test
  void readsTheGeneratedConstants() throws Exception {
    ModelType type = catalog().find("tiny-net");
    assertEquals("TinyNet", type.name());
    assertEquals("tiny-net.yaml", type.specFile());
    assertEquals(new Shape(1, 28, 28), type.inputShape());
    assertEquals(10, type.defaultClasses());
    assertEquals("/io/netspec/runtime/testnet/", ((GeneratedClass) type.source()).specResourceFolder());
  }

  @Test
  void buildsThroughTheGeneratedBuilder() throws Exception {
    ModelType type = catalog().find("tiny-net");
    Network withAux = type.build(Optional.of(4), Optional.empty());
    assertEquals(4, withAux.classes());
    assertArrayEquals(new float[] {0.3f}, withAux.auxLossWeights());
    assertEquals(List.of("aux1"), withAux.auxNames());
    Network without = type.build(Optional.empty(), Optional.of(false));
    assertEquals(10, without.classes());
    assertEquals(0, without.auxLossWeights().length);
  }

  @Test
  void builderErrorsBecomeModelErrors() throws Exception {
    ModelType type = catalog().find("tiny-net");
    ModelException e = assertThrows(ModelException.class, () -> type.build(Optional.of(0), Optional.empty()));
    assertEquals("TinyNet: numClasses must be at least 1, not 0", e.getMessage());
  }

  @Test
  void countsTrainableParametersWithoutRunningStatistics() throws Exception {
    Network network = catalog().find("tiny-net").build(Optional.of(10), Optional.of(false));
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      network.initialize(manager);
      long conv1 = 9 * 16 + 2 * 16; // weights, BatchNorm gamma and beta
      long conv2 = 9 * 16 * 32 + 2 * 32;
      long fc = 32 * 10 + 10;
      assertEquals(conv1 + conv2 + fc, network.trainableParameters());
    }
  }

  @Test
  void withoutGeneratedClassesTheErrorSaysHowToGetThem() {
    try {
      Class.forName(ModelCatalog.INDEX_CLASS);
    } catch (ClassNotFoundException absent) {
      ModelException e = assertThrows(ModelException.class, ModelCatalog::generated);
      assertEquals(1, e.getMessage().lines().count());
    }
  }
}
