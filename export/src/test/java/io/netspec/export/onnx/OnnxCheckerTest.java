package io.netspec.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netspec.export.onnx.proto.Onnx.ModelProto;
import io.netspec.export.onnx.proto.Onnx.NodeProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX project's own checker ({@code onnx.checker.check_model}, full check, Debian's python3-onnx) accepts
 * the exported models, through tools/onnx/check_model.py; and rejects a broken one, so that its acceptance
 * means something. Skipped with a message where Debian's Python has no onnx package; CI installs it.
 */
class OnnxCheckerTest {

  private static final String PYTHON = "/usr/bin/python3";

  @TempDir
  Path folder;

  @BeforeAll
  static void needsOnnx() throws Exception {
    boolean present = Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import onnx")).code == 0;
    assumeTrue(present, "skipped: " + PYTHON + " has no onnx package (Debian: apt-get install python3-onnx)");
  }

  @Test
  void checkerAcceptsExportedModels() throws Exception {
    List<String> command = new ArrayList<>(List.of(PYTHON, script().toString()));
    for (Path spec : List.of(Path.of(System.getProperty("netspec.specs", "../specs"), "googlenet.yaml"),
        OnnxParityTest.everyExportCase())) {
      try (Exported exported = Exported.of(spec, 3)) {
        Path file = folder.resolve(spec.getFileName().toString().replace(".yaml", ".onnx"));
        OnnxFiles.write(exported.model, file);
        command.add(file.toString());
      }
    }
    Result result = run(command);
    assertEquals(0, result.code, result.output);
    assertEquals(2, result.output.lines().filter(line -> line.endsWith(": ok")).count(), result.output);
  }

  @Test
  void checkerRejectsABrokenModel() throws Exception {
    try (Exported exported = Exported.of(OnnxParityTest.everyExportCase(), 3)) {
      ModelProto.Builder broken = exported.model.toBuilder();
      NodeProto first = broken.getGraph().getNode(0);
      broken.getGraphBuilder().setNode(0, first.toBuilder().setInput(0, "no_such_value"));
      Path file = folder.resolve("broken.onnx");
      OnnxFiles.write(broken.build(), file);
      Result result = run(List.of(PYTHON, script().toString(), file.toString()));
      assertEquals(1, result.code, result.output);
      assertTrue(result.output.contains("broken.onnx: invalid: "), result.output);
    }
  }

  private static Path script() {
    return Path.of(System.getProperty("netspec.tools", "../tools"), "onnx", "check_model.py");
  }

  private record Result(int code, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the checker did not finish");
    return new Result(process.exitValue(), output);
  }
}
