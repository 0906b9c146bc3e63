package io.netspec.dsl.tensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.load.SpecLoader;
import io.netspec.dsl.python.DebianPython;
import io.netspec.dsl.spec.NetworkSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tensor names of specs/googlenet-torchvision.yaml are torchvision's googlenet {@code state_dict} keys, with
 * the same shapes and dtypes. The reference is {@code tools/torchvision/state_dict_keys.py}'s output for
 * {@code googlenet(aux_logits=True, init_weights=True)} (Debian's torchvision 0.14.1), committed as
 * {@code tensors/torchvision-googlenet.txt}; where Debian's Python with torchvision is installed, the script is
 * also run afresh and must print that file.
 */
class TensorNamesTest {

  private static final String FIXTURE = "/tensors/torchvision-googlenet.txt";

  private static List<NamedTensor> torchvisionNames(int classes) throws Exception {
    NetworkSpec spec = SpecLoader.load(Path.of("..", "specs", "googlenet-torchvision.yaml"));
    return TensorNames.of(spec, classes);
  }

  private static String fixture() throws IOException {
    try (InputStream in = TensorNamesTest.class.getResourceAsStream(FIXTURE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** name -> "shape\tdtype", in the file's order. */
  private static Map<String, String> lines(String text) {
    Map<String, String> tensors = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int tab = line.indexOf('\t');
      tensors.put(line.substring(0, tab), line.substring(tab + 1));
    }
    return tensors;
  }

  private static Map<String, String> lines(List<NamedTensor> tensors) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (NamedTensor tensor : tensors) {
      lines.put(tensor.name(), tensor.shapeText() + "\t" + tensor.type().name().toLowerCase(java.util.Locale.ROOT));
    }
    return lines;
  }

  @Test
  void torchvisionSpecNamesAreTorchvisionsStateDictKeysWithTheirShapes() throws Exception {
    Map<String, String> torchvision = lines(fixture());
    Map<String, String> ours = lines(torchvisionNames(1000));
    assertEquals(364, torchvision.size());
    assertEquals(torchvision, ours); // same names, each with the same shape and dtype
  }

  @Test
  void orderIsMainPathInSpecOrderThenAuxClassifiers() throws Exception {
    List<String> names = torchvisionNames(1000).stream().map(NamedTensor::name).toList();
    // torchvision registers aux1 and aux2 before avgpool, dropout and fc; the contract puts them last
    List<String> torchvision = List.copyOf(lines(fixture()).keySet());
    List<String> torchvisionMain = torchvision.stream().filter(n -> !n.startsWith("aux")).toList();
    List<String> torchvisionAux = torchvision.stream().filter(n -> n.startsWith("aux")).toList();
    assertEquals(torchvisionMain, names.subList(0, torchvisionMain.size()));
    assertEquals(torchvisionAux, names.subList(torchvisionMain.size(), names.size()));
    assertEquals(List.of("conv1.conv.weight", "conv1.bn.weight", "conv1.bn.bias", "conv1.bn.running_mean",
        "conv1.bn.running_var", "conv1.bn.num_batches_tracked"), names.subList(0, 6));
  }

  @Test
  void classCountChangesTheClassifierRowsOnly() throws Exception {
    Map<String, String> thousand = lines(torchvisionNames(1000));
    Map<String, String> ten = lines(torchvisionNames(10));
    assertEquals("[10, 1024]\tfloat32", ten.get("fc.weight"));
    assertEquals("[10]\tfloat32", ten.get("aux2.fc2.bias"));
    assertEquals("[1024, 2048]\tfloat32", ten.get("aux1.fc1.weight"));
    thousand.keySet().stream()
        .filter(n -> !n.startsWith("fc.") && !n.contains(".fc2."))
        .forEach(n -> assertEquals(thousand.get(n), ten.get(n), n));
  }

  @Test
  void paperSpecHasBiasesAndNumberedReductionUnitsAndNoBatchNorm() throws Exception {
    NetworkSpec spec = SpecLoader.load(Path.of("..", "specs", "googlenet.yaml"));
    List<NamedTensor> tensors = TensorNames.of(spec);
    Map<String, String> lines = lines(tensors);
    assertEquals("[64, 64, 1, 1]\tfloat32", lines.get("conv2.0.conv.weight"));
    assertEquals("[192, 64, 3, 3]\tfloat32", lines.get("conv2.1.conv.weight"));
    assertEquals("[192]\tfloat32", lines.get("conv2.1.conv.bias"));
    assertEquals("[32, 832, 1, 1]\tfloat32", lines.get("inception_5a.branch3.0.conv.weight"));
    assertEquals("[128, 32, 5, 5]\tfloat32", lines.get("inception_5a.branch3.1.conv.weight"));
    assertEquals("[1024, 2048]\tfloat32", lines.get("aux2.fc1.weight"));
    assertTrue(tensors.stream().noneMatch(t -> t.name().contains(".bn.")));
    // every parameter counted by the analysis is named once: weights + biases (no BatchNorm here)
    long named = tensors.stream().mapToLong(NamedTensor::size).sum();
    assertEquals(io.netspec.dsl.analysis.Analyzer.analyze(spec).trainableParams(true), named);
    assertEquals("inception_5a", tensors.stream()
        .filter(t -> t.name().startsWith("inception_5a.")).findFirst().orElseThrow().owner());
    assertEquals("aux2", tensors.get(tensors.size() - 1).owner());
  }

  @Test
  void freshRunOfTheReferenceScriptPrintsTheCommittedFile() throws Exception {
    DebianPython.assumeTorch();
    String printed = DebianPython.run(List.of("tools/torchvision/state_dict_keys.py"), Path.of(".."));
    assertEquals(fixture(), printed);
  }
}
