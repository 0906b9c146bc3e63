package io.netspec.generator.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.python.DebianPython;
import io.netspec.dsl.tensors.NamedTensor;
import io.netspec.dsl.tensors.TensorNames;
import io.netspec.dsl.tensors.TensorType;
import io.netspec.generator.FuzzedSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated modules run in PyTorch (Debian's python3-torch) and hold exactly the tensors netspec's
 * TensorNames rule gives the spec, in its order, with its shapes and dtypes: their {@code state_dict()} is the
 * safetensors export of the DJL network, name for name. In training they return the main logits and one set per
 * auxiliary classifier, in inference the main logits only; the spec text they carry hashes to the SHA-256 they
 * carry, which is the spec's. For every shipped spec and a few fuzzed ones.
 */
class StateDictNamesTest {

  /** Seeds of the fuzzed specs: drawn once, kept so that a failure can be replayed. */
  static final long[] FUZZ_SEEDS = {11L, 23L, 2026L, 77L, 1234567L};

  @TempDir
  Path folder;

  @TestFactory
  Stream<DynamicTest> shippedSpecs() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : GeneratedModules.shippedSpecs()) {
      tests.add(dynamicTest(file.getFileName().toString(), () -> check(GeneratedModules.load(file))));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> fuzzedSpecs() {
    return java.util.Arrays.stream(FUZZ_SEEDS).mapToObj(seed -> dynamicTest("seed " + seed, () -> {
      Path file = folder.resolve("fuzz" + seed + ".yaml");
      Files.writeString(file, FuzzedSpecs.yaml(seed));
      check(GeneratedModules.load(file));
    }));
  }

  /** Spec text with quotes, backslashes, tabs, non-ASCII letters and no final newline is carried byte for byte. */
  @org.junit.jupiter.api.Test
  void unusualSpecText() throws Exception {
    Path file = folder.resolve("unusual.yaml");
    Files.writeString(file, "# \"Caf\u00e9\" \\ net\t\u2603 \"\"\"\n"
        + "description: \"caf\u00e9 \\\\ \\\"quoted\\\" \\u2603\"\n"
        + "input: 12x12x2\nclasses: 3\nlayers:\n"
        + "  - {name: conv1, type: convolution, patch: 3x3/1, filters: 4}  # \u00fcber\n"
        + "  - {name: fc, type: linear, units: classes}");
    check(GeneratedModules.load(file));
  }

  private void check(PytorchSpec spec) throws Exception {
    DebianPython.assumeTorch();
    NetworkAnalysis analysis = spec.analysis();
    Path out = Files.createTempDirectory(folder, "gen");
    GeneratedModules.write(PytorchGenerator.generateAll(List.of(spec)), out);
    List<String> lines = DebianPython.run(List.of("describe_module.py", PytorchGenerator.moduleName(spec)), out)
        .lines().toList();

    List<String> expected = TensorNames.of(analysis).stream().map(StateDictNamesTest::line).toList();
    assertEquals(String.join("\n", expected), linesOf(lines, "tensor"), "state_dict of " + spec.specFile());

    int classes = analysis.spec().classes();
    List<String> training = new ArrayList<>(
        Collections.nCopies(1 + analysis.spec().auxClassifiers().size(), "train 2," + classes));
    assertEquals(String.join("\n", training), linesOf(lines, "train"));
    assertEquals("eval 2," + classes, linesOf(lines, "eval"));
    assertEquals("sha256 " + analysis.spec().sha256(), linesOf(lines, "sha256"));
    assertEquals("sources_sha256 " + analysis.spec().sha256(), linesOf(lines, "sources_sha256"));
  }

  private static String line(NamedTensor tensor) {
    String shape = tensor.shape().isEmpty() ? "[]"
        : tensor.shape().stream().map(String::valueOf).collect(Collectors.joining(","));
    return "tensor " + tensor.name() + " " + shape + " "
        + (tensor.type() == TensorType.FLOAT32 ? "float32" : tensor.type().name().toLowerCase(Locale.ROOT));
  }

  private static String linesOf(List<String> lines, String kind) {
    return lines.stream().filter(l -> l.startsWith(kind + " ")).collect(Collectors.joining("\n"));
  }
}
