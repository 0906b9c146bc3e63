package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netspec generate --target pytorch}: modules and their library, or nothing and the spec's location. */
class GeneratePytorchCliTest {

  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));

  @TempDir
  Path folder;

  @Test
  void writesAModulePerSpecAndTheLibraryThenLeavesThemAlone() {
    Path out = folder.resolve("py");
    String[] args = {"generate", SPECS.resolve("googlenet.yaml").toString(),
        SPECS.resolve("googlenet-fashion.yaml").toString(), "--target", "pytorch", "-o", out.toString()};
    CliRun first = CliRun.of(args);
    assertEquals(0, first.code(), first.err());
    assertTrue(Files.isRegularFile(out.resolve("googlenet.py")));
    assertTrue(Files.isRegularFile(out.resolve("googlenet_fashion.py")));
    assertTrue(Files.isRegularFile(out.resolve("netspec_torch/train.py")));
    assertTrue(first.out().contains("(8 written, 0 unchanged)"), first.out());
    CliRun second = CliRun.of(args);
    assertTrue(second.out().contains("(0 written, 8 unchanged)"), "byte-identical: " + second.out());
  }

  @Test
  void refusesARowItCannotNameAtItsLocationAndWritesNothing() throws Exception {
    Path spec = Files.writeString(folder.resolve("keyword.yaml"), """
        input: 28x28x1
        classes: 10
        layers:
          - {name: conv1, type: convolution, patch: 3x3/1, filters: 8}
          - {name: lambda, type: max_pool, patch: 2x2/2}
          - {name: fc, type: linear, units: classes}
        """);
    Path out = folder.resolve("py");
    CliRun run = CliRun.of("generate", SPECS.resolve("googlenet-fashion.yaml").toString(), spec.toString(),
        "--target", "pytorch", "-o", out.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().startsWith(spec + ":5:5: error: the PyTorch target cannot express row 'lambda'"),
        run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    assertFalse(Files.exists(out), "nothing written, not even the good spec's module");
  }
}
