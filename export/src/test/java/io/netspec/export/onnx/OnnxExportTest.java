package io.netspec.export.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.export.onnx.proto.Onnx.AttributeProto;
import io.netspec.export.onnx.proto.Onnx.ModelProto;
import io.netspec.export.onnx.proto.Onnx.NodeProto;
import io.netspec.export.onnx.proto.Onnx.TensorShapeProto;
import io.netspec.interpreter.InterpretedNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported model's form: opset, input, operators, metadata, determinism; and the refusals. */
class OnnxExportTest {

  @TempDir
  Path folder;

  private static Path spec(String name) {
    return Path.of(System.getProperty("netspec.specs", "../specs"), name);
  }

  @Test
  void paperSpecUsesOnnxLrnAndCeilModePools() throws Exception {
    try (Exported exported = Exported.of(spec("googlenet.yaml"), 1)) {
      ModelProto model = exported.model;
      assertEquals(8, model.getIrVersion());
      assertEquals(13, model.getOpsetImport(0).getVersion());
      List<NodeProto> lrn = nodes(model, "LRN");
      assertEquals(2, lrn.size(), "the paper's two local response normalisations");
      for (NodeProto node : lrn) {
        // the spec's values as written (alpha not pre-divided: ONNX divides by the size as PyTorch does)
        assertEquals(5, attribute(node, "size").getI());
        assertEquals(0.0001f, attribute(node, "alpha").getF());
        assertEquals(0.75f, attribute(node, "beta").getF());
        assertEquals(1f, attribute(node, "bias").getF());
      }
      List<NodeProto> ceil = nodes(model, "MaxPool").stream()
          .filter(n -> attribute(n, "ceil_mode").getI() == 1).toList();
      assertTrue(ceil.size() >= 4, "the paper's stride-2 max pools round up: " + ceil.size());
      assertEquals(0, nodes(model, "Dropout").size());
      assertFalse(model.getGraph().getInitializerList().stream().anyMatch(t -> t.getName().startsWith("aux")),
          "auxiliary classifiers are left out");
    }
  }

  @Test
  void inputIsNamedAndShapedFromTheSpecWithAFreeBatchAxis() throws Exception {
    try (Exported exported = Exported.of(spec("googlenet-fashion.yaml"), 1)) {
      List<TensorShapeProto.Dimension> input =
          exported.model.getGraph().getInput(0).getType().getTensorType().getShape().getDimList();
      assertEquals(OnnxExporter.INPUT, exported.model.getGraph().getInput(0).getName());
      assertEquals("N", input.get(0).getDimParam());
      assertArrayEquals(new long[] {1, 28, 28}, input.subList(1, 4).stream().mapToLong(d -> d.getDimValue()).toArray());
      List<TensorShapeProto.Dimension> output =
          exported.model.getGraph().getOutput(0).getType().getTensorType().getShape().getDimList();
      assertEquals(10, output.get(1).getDimValue());
    }
  }

  @Test
  void parametersCarryTheTensorNames() throws Exception {
    try (Exported exported = Exported.of(spec("googlenet-fashion.yaml"), 1, false)) {
      List<String> names = exported.model.getGraph().getInitializerList().stream().map(t -> t.getName()).toList();
      // names of the contracts' tensor-name rule, derived from the spec's rows by hand
      assertTrue(names.containsAll(List.of("conv1.conv.weight", "conv1.bn.weight", "conv1.bn.running_var",
          "inception_3a.branch2.0.conv.weight", "inception_3a.branch3.1.bn.running_mean",
          "inception_5a.branch4.1.bn.bias", "fc.weight", "fc.bias")), names.toString());
      assertFalse(names.contains("conv1.conv.bias"), "the fashion spec's convolutions have no bias");
    }
  }

  @Test
  void foldedBatchNormLeavesNoBatchNormalizationNode() throws Exception {
    try (Exported exported = Exported.of(spec("googlenet-fashion.yaml"), 1)) {
      List<String> operators = exported.model.getGraph().getNodeList().stream().map(n -> n.getOpType()).toList();
      assertFalse(operators.contains("BatchNormalization"), operators.toString());
      assertTrue(operators.contains("Conv"), operators.toString());
      List<String> names = exported.model.getGraph().getInitializerList().stream().map(t -> t.getName()).toList();
      // the fashion spec's convolutions have no bias of their own: the fold gives each one
      assertTrue(names.containsAll(List.of("conv1.conv_bn.weight", "conv1.conv_bn.bias",
          "inception_3a.branch2.0.conv_bn.bias")), names.toString());
      assertFalse(names.stream().anyMatch(n -> n.contains(".bn.") || n.endsWith("conv.weight")), names.toString());
    }
    try (Exported unfolded = Exported.of(spec("googlenet-fashion.yaml"), 1, false)) {
      assertTrue(unfolded.model.getGraph().getNodeList().stream()
          .anyMatch(n -> n.getOpType().equals("BatchNormalization")), "unfolded, the BatchNormalization nodes stay");
    }
  }

  @Test
  void sameInputsGiveTheSameBytes() throws Exception {
    byte[] first;
    try (Exported exported = Exported.of(OnnxParityTest.everyExportCase(), 5)) {
      first = exported.model.toByteArray();
      Path a = folder.resolve("a.onnx");
      OnnxFiles.write(exported.model, a);
      assertArrayEquals(first, Files.readAllBytes(a));
    }
    try (Exported again = Exported.of(OnnxParityTest.everyExportCase(), 5)) {
      assertArrayEquals(first, again.model.toByteArray());
    }
    try (Exported other = Exported.of(OnnxParityTest.everyExportCase(), 6)) {
      assertFalse(java.util.Arrays.equals(first, other.model.toByteArray()), "other parameters, other bytes");
    }
  }

  @Test
  void metadataNamesTheClassesAndTheNormalisation() throws Exception {
    try (Exported exported = Exported.of(OnnxParityTest.everyExportCase(), 5)) {
      OnnxMetadata metadata = new OnnxMetadata(List.of("cat", "dog \"big\"", "é", "d", "e", "f", "g"), 0.5f, 0.25f,
          "every-export-case.yaml", "abc");
      ModelProto model = OnnxExporter.export(exported.analysis, exported.network, metadata);
      Path file = folder.resolve("m.onnx");
      OnnxFiles.write(model, file);
      OnnxFiles.Description description = OnnxFiles.describe(file);
      assertEquals(metadata, description.metadata());
      assertArrayEquals(new long[] {3, 33, 31}, description.input());
    }
  }

  @Test
  void parametersOfAnotherNetworkAreRefusedWithTheRowAndShapes() throws Exception {
    NetworkAnalysis paper = Analyzer.analyze(SpecLoader.load(spec("googlenet.yaml")));
    try (Exported fashion = Exported.of(spec("googlenet-fashion.yaml"), 1)) {
      ExportException e = assertThrows(ExportException.class,
          () -> OnnxExporter.export(paper, fashion.network, Exported.metadata(1000)));
      assertEquals("Googlenet: parameter conv1_01conv_weight has shape [32, 1, 3, 3], its tensor conv1.conv.weight "
          + "[64, 3, 7, 7]", e.getMessage());
    }
  }

  @Test
  void classCountMustMatchTheLogits() throws Exception {
    try (Exported exported = Exported.of(spec("googlenet-fashion.yaml"), 1)) {
      ExportException e = assertThrows(ExportException.class,
          () -> OnnxExporter.export(exported.analysis, exported.network, Exported.metadata(9)));
      assertTrue(e.getMessage().startsWith("GooglenetFashion: parameter fc_"), e.getMessage());
      assertTrue(e.getMessage().endsWith(" has shape [10, 208], its tensor fc.weight [9, 208]"), e.getMessage());
    }
  }

  @Test
  void uninitializedNetworkIsRefusedInOneLine() throws Exception {
    NetworkAnalysis fashion = Analyzer.analyze(SpecLoader.load(spec("googlenet-fashion.yaml")));
    InterpretedNetwork network = InterpretedNetwork.builder(fashion.spec()).build();
    ExportException e = assertThrows(ExportException.class,
        () -> OnnxExporter.export(fashion, network, Exported.metadata(network.numClasses())));
    assertEquals("GooglenetFashion: the network's parameters are not initialized", e.getMessage());
  }

  @Test
  void failedWriteLeavesNoFile() throws Exception {
    try (Exported exported = Exported.of(OnnxParityTest.everyExportCase(), 5)) {
      Path missing = folder.resolve("no-such-folder").resolve("m.onnx");
      assertThrows(IOException.class, () -> OnnxFiles.write(exported.model, missing));
      assertThrows(IOException.class, () -> OnnxFiles.write(exported.model, folder));
      try (Stream<Path> files = Files.list(folder)) {
        assertEquals(List.of(), files.toList(), "no partial or temporary file is left");
      }
    }
  }

  @Test
  void describeRefusesAFileThatIsNoNetspecModel() throws IOException {
    Path text = Files.writeString(folder.resolve("x.onnx"), "not a model");
    IOException e = assertThrows(IOException.class, () -> OnnxFiles.describe(text));
    assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
  }

  private static List<NodeProto> nodes(ModelProto model, String opType) {
    return model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals(opType)).toList();
  }

  private static AttributeProto attribute(NodeProto node, String name) {
    return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
  }
}
