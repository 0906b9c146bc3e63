package io.netspec.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.tensors.NamedTensor;
import io.netspec.dsl.tensors.TensorNames;
import io.netspec.interpreter.InterpretedNetwork;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import of a network's parameters as safetensors under the spec's tensor names. */
class SafetensorsWeightsTest {

  private static final Path SPECS = Path.of("..", "specs");
  private static NDManager manager;

  @TempDir
  Path folder;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /** googlenet-fashion's interpreted network for {@code classes} classes, freshly (randomly) initialised. */
  private static NamedParameters fashion(int classes, boolean aux) throws Exception {
    NetworkSpec spec = SpecLoader.load(SPECS.resolve("googlenet-fashion.yaml"));
    InterpretedNetwork network = InterpretedNetwork.builder(spec).optNumClasses(classes).optAuxClassifiers(aux)
        .build();
    network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
    return NamedParameters.bind("GooglenetFashion", network, TensorNames.of(spec, classes));
  }

  private static byte[] parameterBytes(NamedParameters parameters) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (var binding : parameters.bindings()) {
        binding.parameter().save(out);
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void exportedThenImportedParametersAreBitForBitTheSame() throws Exception {
    NamedParameters trained = fashion(4, true);
    NamedParameters fresh = fashion(4, true);
    assertFalse(java.util.Arrays.equals(parameterBytes(trained), parameterBytes(fresh)), "two random inits");
    Path file = folder.resolve("fashion.safetensors");
    SafetensorsWeights.write(trained, file);
    SafetensorsWeights.read(file, fresh);
    assertArrayEquals(parameterBytes(trained), parameterBytes(fresh));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left beside it");
    }
  }

  @Test
  void fileHoldsEveryTensorNameWithItsShapeAndZeroBatchCounters() throws Exception {
    NamedParameters network = fashion(4, true);
    Path file = folder.resolve("fashion.safetensors");
    SafetensorsWeights.write(network, file);
    SafetensorsHeader header = SafetensorsHeader.read(file);
    List<NamedTensor> expected = network.tensors();
    assertEquals(expected.size(), header.tensors().size());
    for (NamedTensor tensor : expected) {
      SafetensorsHeader.Entry entry = header.tensors().get(tensor.name());
      assertEquals(tensor.shape(), entry.shape(), tensor.name());
      assertEquals(tensor.type().safetensorsName(), entry.dtype(), tensor.name());
    }
    assertEquals("I64", header.tensors().get("conv1.bn.num_batches_tracked").dtype());
    assertEquals(List.of(), header.tensors().get("conv1.bn.num_batches_tracked").shape());
    try (InputStream in = Files.newInputStream(file)) {
      NDList decoded = NDList.decode(manager, in);
      for (var array : decoded) {
        if (array.getName().endsWith("num_batches_tracked")) {
          assertEquals(0L, array.getLong());
        }
      }
      assertArrayEquals(network.bindings().get(0).parameter().getArray().toFloatArray(),
          decoded.stream().filter(a -> a.getName().equals("conv1.conv.weight")).findFirst().orElseThrow()
              .toFloatArray());
    }
  }

  @Test
  void aFileOfAnotherClassCountIsRefusedWithTheFirstMismatchingNameAndBothShapes() throws Exception {
    Path file = folder.resolve("five.safetensors");
    SafetensorsWeights.write(fashion(5, true), file);
    NamedParameters four = fashion(4, true);
    byte[] before = parameterBytes(four);
    WeightsException e = assertThrows(WeightsException.class, () -> SafetensorsWeights.read(file, four));
    assertEquals(file + ": tensor 'fc.weight' has shape [5, 208] in the file, [4, 208] in network GooglenetFashion",
        e.getMessage());
    assertArrayEquals(before, parameterBytes(four), "nothing changed");
  }

  @Test
  void aFileOfAnotherNetworkIsRefusedWithTheFirstMissingName() throws Exception {
    Path spec = folder.resolve("tiny.yaml");
    Files.writeString(spec, """
        input: 28x28x1
        classes: 4
        layers:
          - {name: stem, type: convolution, patch: 3x3/1, filters: 8}
          - {name: pool, type: global_avg_pool}
          - {name: fc, type: linear, units: classes}
        """);
    NetworkSpec tinySpec = SpecLoader.load(spec);
    InterpretedNetwork tiny = InterpretedNetwork.builder(tinySpec).build();
    tiny.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
    Path file = folder.resolve("tiny.safetensors");
    SafetensorsWeights.write(NamedParameters.bind("Tiny", tiny, TensorNames.of(tinySpec)), file);
    WeightsException e = assertThrows(WeightsException.class, () -> SafetensorsWeights.read(file, fashion(4, true)));
    assertEquals(file + ": has no tensor 'conv1.conv.weight', which network GooglenetFashion has with shape "
        + "[32, 1, 3, 3] (is it the file of another network?)", e.getMessage());
  }

  @Test
  void aTruncatedFileGetsOneLineAndChangesNothing() throws Exception {
    Path file = folder.resolve("cut.safetensors");
    SafetensorsWeights.write(fashion(4, true), file);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 100));
    NamedParameters network = fashion(4, true);
    byte[] before = parameterBytes(network);
    WeightsException e = assertThrows(WeightsException.class, () -> SafetensorsWeights.read(file, network));
    assertTrue(e.getMessage().startsWith(file + ": truncated safetensors file (its header describes "),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertArrayEquals(before, parameterBytes(network));
    Files.write(file, java.util.Arrays.copyOf(whole, 5));
    assertEquals(file + ": truncated safetensors file (it has 5 bytes, fewer than the 8 of its header length)",
        assertThrows(WeightsException.class, () -> SafetensorsWeights.read(file, network)).getMessage());
  }

  @Test
  void aFileOfAnotherFormatIsNoSafetensorsFile() throws Exception {
    Path file = folder.resolve("weights.params");
    Files.write(file, "DJL@\u0000\u0000\u0000\u0001 not safetensors at all".getBytes());
    WeightsException e = assertThrows(WeightsException.class, () -> SafetensorsWeights.read(file, fashion(4, true)));
    assertTrue(e.getMessage().startsWith(file + ": not a safetensors file"), e.getMessage());
  }

  @Test
  void aNetworkWithoutAuxClassifiersWritesNoneAndIgnoresThoseOfAFile() throws Exception {
    NamedParameters withAux = fashion(4, true);
    NamedParameters without = fashion(4, false);
    assertEquals(List.of("aux1"), without.absentOwners());
    assertTrue(without.tensors().stream().noneMatch(t -> t.name().startsWith("aux1.")));
    Path file = folder.resolve("aux.safetensors");
    SafetensorsWeights.write(withAux, file);
    SafetensorsWeights.read(file, without);
    assertArrayEquals(withAux.bindings().get(0).parameter().getArray().toFloatArray(),
        without.bindings().get(0).parameter().getArray().toFloatArray());
    Path mainOnly = folder.resolve("main.safetensors");
    SafetensorsWeights.write(without, mainOnly);
    WeightsException e = assertThrows(WeightsException.class, () -> SafetensorsWeights.read(mainOnly, withAux));
    assertTrue(e.getMessage().contains("has no tensor 'aux1.conv.conv.weight'"), e.getMessage());
  }
}
