package io.netspec.generator.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytorchGeneratorTest {

  @TempDir
  Path folder;

  /** Two runs over specs loaded separately give the same files, byte for byte, modules sorted by name. */
  @Test
  void sameSpecsGiveTheSameBytes() throws Exception {
    List<PythonFile> first = PytorchGenerator.generateAll(loadShipped());
    List<PytorchSpec> reversed = new ArrayList<>(loadShipped());
    java.util.Collections.reverse(reversed);
    List<PythonFile> second = PytorchGenerator.generateAll(reversed);
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).relativePath(), second.get(i).relativePath());
      assertArrayEquals(first.get(i).bytes(), second.get(i).bytes(), first.get(i).relativePath());
    }
    assertEquals(List.of("googlenet.py", "googlenet_fashion.py", "googlenet_torchvision.py"),
        first.stream().map(PythonFile::relativePath).filter(p -> !p.contains("/")).toList());
    assertTrue(first.stream().anyMatch(f -> f.relativePath().equals("netspec_torch/train.py")));
  }

  /** The paper's two auxiliary classifiers, alike but for the channels they read, share one class. */
  @Test
  void alikeAuxiliaryClassifiersShareOneClass() throws Exception {
    PytorchSpec paper = GeneratedModules.load(GeneratedModules.SHIPPED.resolve("googlenet.yaml"));
    String module = PytorchGenerator.generate(paper).text();
    String auxClass = "\nclass AuxClassifier(nn.Module):";
    assertTrue(module.contains(auxClass), module);
    assertEquals(module.indexOf(auxClass), module.lastIndexOf(auxClass), "one class for both");
    assertTrue(module.contains("self.aux1 = AuxClassifier(512, num_classes) if aux_logits else None"), module);
    assertTrue(module.contains("self.aux2 = AuxClassifier(528, num_classes) if aux_logits else None"), module);
  }

  /** A row named like a Python keyword or a torch.nn.Module attribute is refused at its line and column. */
  @Test
  void refusesRowsItCannotNameAtTheirLocation() throws Exception {
    Path spec = folder.resolve("keywords.yaml");
    Files.writeString(spec, """
        input: 28x28x1
        classes: 10
        layers:
          - {name: conv1, type: convolution, patch: 3x3/1, filters: 8}
          - {name: pass, type: max_pool, patch: 2x2/2}
          - {name: training, type: dropout, rate: 0.5}
          - {name: fc, type: linear, units: classes}
        """);
    PytorchSpec bad = GeneratedModules.load(spec);
    PytorchSpec good = GeneratedModules.load(GeneratedModules.SHIPPED.resolve("googlenet-fashion.yaml"));
    SpecException e = assertThrows(SpecException.class, () -> PytorchGenerator.generateAll(List.of(good, bad)));
    List<Diagnostic> problems = e.diagnostics();
    assertEquals(2, problems.size(), e.getMessage());
    assertEquals(List.of(5, 6), problems.stream().map(d -> d.location().line()).toList());
    assertEquals(List.of(5, 5), problems.stream().map(d -> d.location().column()).toList());
    assertTrue(problems.get(0).message().contains("'pass' is a Python keyword"), problems.get(0).message());
    assertTrue(problems.get(1).message().contains("attribute of torch.nn.Module"), problems.get(1).message());
  }

  /** Names a Python module cannot have are made into ones it can. */
  @Test
  void moduleNamesArePythonNames() {
    assertEquals("googlenet_fashion", PythonNames.moduleName("googlenet-fashion.yaml"));
    assertEquals("n3x3_net", PythonNames.moduleName("sub/3x3.net.yaml"));
    assertEquals("import_", PythonNames.moduleName("import.yaml"));
  }

  /** String literals are ASCII with Python's escapes; numbers read back as the same double. */
  @Test
  void literals() {
    assertEquals("\"a\\\"b\\\\c\\n\\u00e9\\U0001f600\"", PythonLiterals.string("a\"b\\c\n\u00e9\uD83D\uDE00"));
    assertEquals("0.001", PythonLiterals.number(0.001));
    assertEquals("1.0", PythonLiterals.number(1));
    assertEquals("0.0001", PythonLiterals.number(1e-4));
    assertEquals("(3, 5)", PythonLiterals.size(3, 5));
    assertEquals("a\\nb \\u00e9", PythonLiterals.comment("a\nb \u00e9"));
  }

  private static List<PytorchSpec> loadShipped() throws Exception {
    List<PytorchSpec> specs = new ArrayList<>();
    for (Path file : GeneratedModules.shippedSpecs()) {
      specs.add(GeneratedModules.load(file));
    }
    return specs;
  }
}
