package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.export.onnx.OnnxFiles;
import io.netspec.runtime.data.EmbeddedSample;
import io.netspec.runtime.data.FashionMnist;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netspec export}: a trained run to ONNX, predicted from by ONNX Runtime as the run itself predicts; an
 * untrained network of a spec, seeded; and the refusals, each one line, a non-zero exit and no output file.
 */
class ExportCommandTest {

  @TempDir
  static Path work;

  private static Path run;

  @BeforeAll
  static void train() {
    CliRun trained = CliRun.of("train", "--limit", "300", "--epochs", "1", "--batch-size", "32", "--device", "cpu",
        "--output", work.resolve("runs").toString());
    assertEquals(0, trained.code(), trained.err());
    run = work.resolve("runs/train-1");
  }

  @Test
  void runExportsToOnnxAndPredictsAsTheRunDoes() throws Exception {
    CliRun export = CliRun.of("export", run.toString(), "--format", "onnx");
    assertEquals(0, export.code(), export.err());
    Path file = run.resolve("googlenet-fashion.onnx");
    assertTrue(export.out().startsWith(file + ": " + Files.size(file) + " bytes"), export.out());
    assertEquals(FashionMnist.CLASS_NAMES, OnnxFiles.describe(file).metadata().classes());

    LabeledImages images = new EmbeddedSample().load(Split.TEST).limit(4);
    List<String> pictures = new ArrayList<>();
    for (int i = 0; i < images.count(); i++) {
      pictures.add(PngFiles.write(images, i, work.resolve("test-" + i + ".png")).toString());
    }
    CliRun byRun = predict(run, pictures);
    CliRun byOnnx = predict(file, pictures);
    assertEquals(0, byOnnx.code(), byOnnx.err());
    // the same classes in the same order with the same probabilities (to the printed 0.1%)
    assertEquals(byRun.out(), byOnnx.out());
    assertEquals(4, byOnnx.out().lines().count(), byOnnx.out());
  }

  private static CliRun predict(Path model, List<String> pictures) {
    List<String> args = new ArrayList<>(List.of("predict", model.toString(), "--top", "3"));
    args.addAll(pictures);
    CliRun result = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, result.code(), result.err());
    return result;
  }

  @Test
  void untrainedSpecNetworkIsSeeded() throws Exception {
    Path spec = Path.of(System.getProperty("netspec.specs"), "googlenet-fashion.yaml");
    Path a = work.resolve("a.onnx");
    Path b = work.resolve("b.onnx");
    Path c = work.resolve("c.onnx");
    assertEquals(0, CliRun.of("export", spec.toString(), "--format", "onnx", "-o", a.toString()).code());
    assertEquals(0, CliRun.of("export", "googlenet-fashion", "--format", "onnx", "-o", b.toString()).code());
    CliRun other = CliRun.of("export", spec.toString(), "--format", "onnx", "-o", c.toString(), "--seed", "7",
        "--classes", "3");
    assertEquals(0, other.code(), other.err());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "the same network, seed and spec");
    assertEquals(List.of("class_0", "class_1", "class_2"), OnnxFiles.describe(c).metadata().classes());
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
  }

  @Test
  void badInputGetsOneLineAndNoFile() throws Exception {
    Path bare = Files.createDirectories(work.resolve("bare-run"));
    try (Stream<Path> files = Files.list(run)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().endsWith(".params")).toList()) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, bare.resolve(f.getFileName()));
        }
      }
    }
    Path out = work.resolve("refused.onnx");
    CliRun noParameters = CliRun.of("export", bare.toString(), "--format", "onnx", "-o", out.toString());
    assertEquals(1, noParameters.code());
    assertEquals("netspec: error: " + bare.resolve("best.params") + ": no parameters in this run folder",
        noParameters.err().strip());

    CliRun unknownFormat = CliRun.of("export", run.toString(), "--format", "tflite", "-o", out.toString());
    assertEquals(2, unknownFormat.code());
    assertTrue(unknownFormat.err().lines().findFirst().orElseThrow().contains("tflite"), unknownFormat.err());

    Path nowhere = work.resolve("no-such-folder/m.onnx");
    CliRun noFolder = CliRun.of("export", run.toString(), "--format", "onnx", "-o", nowhere.toString());
    assertEquals(1, noFolder.code());
    assertEquals(1, noFolder.err().lines().count(), noFolder.err());
    assertTrue(noFolder.err().contains("no-such-folder"), noFolder.err());

    CliRun missingSpec = CliRun.of("export", "specs/no-such.yaml", "--format", "onnx", "-o", out.toString());
    assertEquals(1, missingSpec.code());
    assertEquals(1, missingSpec.err().lines().count(), missingSpec.err());

    assertFalse(Files.exists(out));
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.filter(f -> f.toString().endsWith(".part")).toList(), "no temporary file");
    }
  }
}
