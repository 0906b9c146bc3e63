package io.netspec.runtime.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.interpreter.InterpretedNetwork;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelType#ofSpecFile}: a spec file's network built by the interpreter, as the generated class of it. */
class SpecFileTest {

  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));

  private static ModelType interpreted() throws Exception {
    return ModelType.ofSpecFile(SPECS.resolve("googlenet-fashion.yaml"));
  }

  @Test
  void describesTheNetworkAsItsGeneratedClassDoes() throws Exception {
    ModelType spec = interpreted();
    ModelType generated = ModelCatalog.generated().find("googlenet-fashion");
    assertEquals(generated.name(), spec.name());
    assertEquals(generated.specFile(), spec.specFile());
    assertEquals(generated.stem(), spec.stem());
    assertEquals(generated.specSha256(), spec.specSha256());
    assertEquals(generated.inputShape(), spec.inputShape());
    assertEquals(generated.defaultClasses(), spec.defaultClasses());
    assertEquals(InterpretedNetwork.class, spec.networkClass());
    assertEquals(generated.specSources(), spec.specSources(), "the files the plugin copied beside the class");
    assertEquals(List.of("googlenet-fashion.yaml", "googlenet.yaml"), List.copyOf(spec.specSources().keySet()));
  }

  @Test
  void buildsTheParametersOfTheGeneratedClassByNameAndShape() throws Exception {
    for (boolean aux : new boolean[] {false, true}) {
      Network spec = interpreted().build(Optional.of(7), Optional.of(aux));
      Network generated = ModelCatalog.generated().find("googlenet-fashion").build(Optional.of(7), Optional.of(aux));
      assertEquals(generated.classes(), spec.classes());
      assertArrayEquals(generated.auxLossWeights(), spec.auxLossWeights());
      assertEquals(generated.auxNames(), spec.auxNames());
      try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
        spec.initialize(manager);
        generated.initialize(manager);
        assertEquals(namesAndShapes(generated), namesAndShapes(spec), "aux " + aux);
        assertEquals(generated.trainableParameters(), spec.trainableParameters());
      }
    }
  }

  private static List<String> namesAndShapes(Network network) {
    List<String> parameters = new ArrayList<>();
    for (Pair<String, Parameter> parameter : network.block().getParameters()) {
      parameters.add(parameter.getKey() + " " + parameter.getValue().getArray().getShape());
    }
    return parameters;
  }

  @Test
  void copiesAParentOutsideTheSpecsFolderSoThatTheCopiesLoadAgain(@TempDir Path folder) throws Exception {
    Path base = Files.createDirectories(folder.resolve("base"));
    Files.copy(SPECS.resolve("googlenet.yaml"), base.resolve("googlenet.yaml"));
    Path variant = Files.createDirectories(folder.resolve("variants")).resolve("small.yaml");
    Files.writeString(variant, "extends: ../base/googlenet.yaml\nclasses: 5\nauxiliary_classifiers: []\n");
    ModelType type = ModelType.ofSpecFile(variant);
    assertEquals("variants/small.yaml", type.specFile());
    assertEquals("small", type.stem());
    Map<String, String> sources = type.specSources();
    assertEquals(List.of("variants/small.yaml", "base/googlenet.yaml"), List.copyOf(sources.keySet()));

    Path copies = folder.resolve("copies");
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Files.createDirectories(copies.resolve(source.getKey()).getParent());
      Files.writeString(copies.resolve(source.getKey()), source.getValue());
    }
    assertEquals(type.specSha256(), ModelType.ofSpecFile(copies.resolve(type.specFile())).specSha256());
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path folder) {
    Path missing = folder.resolve("missing.yaml");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelType.ofSpecFile(missing));
    assertEquals(missing + ": no such spec file", e.getMessage());
  }

  @Test
  void aSpecWhoseShapesCollapseIsReportedWithItsPlace(@TempDir Path folder) throws Exception {
    Path spec = Files.writeString(folder.resolve("collapse.yaml"), """
        input: 4x4x1
        classes: 10
        layers:
          - {name: conv1, type: convolution, patch: 3x3/1, filters: 8}
          - {name: pool1, type: max_pool, patch: 9x9/9}
          - {name: fc, type: linear, units: classes}
        """);
    SpecException e = assertThrows(SpecException.class, () -> ModelType.ofSpecFile(spec));
    assertFalse(e.diagnostics().isEmpty());
    assertTrue(e.diagnostics().get(0).toString().startsWith(spec + ":5:"), e.getMessage());
  }

  @Test
  void builderErrorsBecomeModelErrors() throws Exception {
    ModelException e = assertThrows(ModelException.class, () -> interpreted().build(Optional.of(0), Optional.empty()));
    assertEquals("GooglenetFashion: the number of classes must be positive: 0", e.getMessage());
  }
}
