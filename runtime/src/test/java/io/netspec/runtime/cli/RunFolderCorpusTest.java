package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import io.netspec.runtime.eval.JsonFiles;
import io.netspec.runtime.train.RunFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-folder corruption corpus, made at test time from two tiny trained runs: parameter files truncated,
 * zeroed in the middle or of another network, a {@code class_indices.json} with too few classes, data with
 * other classes; each ends in one line naming the file and the reason, exit code 1. Also: a spec extending its
 * parent by an absolute path keeps a self-contained copy, {@code eval} writes beside the training's files, and a
 * run that cannot start leaves no folder.
 */
class RunFolderCorpusTest {

  private static final String TINY = """
      input: 28x28x1
      classes: 10
      layers:
        - {name: conv, type: convolution, patch: 3x3/2, filters: %d}
        - {name: pool, type: global_avg_pool}
        - {name: fc, type: linear, units: classes}
      """;

  @TempDir
  static Path work;

  private static Path run;
  private static Path other;
  private static Path parents;

  @BeforeAll
  static void trainTwoTinyRuns() throws Exception {
    parents = Files.createDirectories(work.resolve("parents"));
    Files.writeString(parents.resolve("tiny-parent.yaml"), TINY.formatted(4));
    Path child = Files.createDirectories(work.resolve("mine")).resolve("tiny-a.yaml");
    Files.writeString(child, "extends: " + parents.resolve("tiny-parent.yaml").toAbsolutePath() + "\n"
        + "description: extends its parent by an absolute path\n");
    run = train(child, "runs-a");
    Path b = Files.writeString(work.resolve("mine/tiny-b.yaml"), TINY.formatted(6));
    other = train(b, "runs-b");
    Files.move(parents, work.resolve("parents-moved")); // the original parent is gone
  }

  private static Path train(Path spec, String output) {
    CliRun trained = CliRun.of("train", "--spec", spec.toString(), "--limit", "200", "--epochs", "1",
        "--batch-size", "50", "--device", "cpu", "--output", work.resolve(output).toString());
    assertEquals(0, trained.code(), trained.err());
    return work.resolve(output).resolve("train-1");
  }

  @Test
  void theCopyOfASpecExtendingByAbsolutePathIsSelfContained() throws IOException {
    JsonObject json = JsonFiles.readObject(run.resolve("run.json"));
    assertEquals("tiny-a.yaml: extends " + work.resolve("parents/tiny-parent.yaml").toAbsolutePath()
        + " → tiny-parent.yaml", json.getAsJsonArray("spec_copy_extends").get(0).getAsString());
    assertTrue(Files.readString(run.resolve("spec/tiny-a.yaml")).startsWith("extends: tiny-parent.yaml\n"));
    CliRun eval = CliRun.of("eval", run.toString());
    assertEquals(0, eval.code(), eval.err()); // the parent moved away: the copy still loads
  }

  @Test
  void evalWritesBesideTheTrainingsFilesNeverOverThem() throws IOException {
    byte[] training = Files.readAllBytes(run.resolve("confusion.json"));
    CliRun first = CliRun.of("eval", run.toString(), "--params", "last");
    assertEquals(0, first.code(), first.err());
    assertArrayEquals(training, Files.readAllBytes(run.resolve("confusion.json")));
    assertTrue(first.out().contains("eval-"), first.out());
    assertTrue(Files.exists(run.resolve("eval-1/confusion.json")) || Files.exists(run.resolve("eval-2/confusion.json")));
    CliRun over = CliRun.of("eval", run.toString(), "--output", run.resolve("confusion.json").toString());
    assertEquals(2, over.code(), over.err());
    assertTrue(over.err().contains("would overwrite the training's confusion.json"), over.err());
  }

  @Test
  void aTruncatedParameterFileIsNamed() throws IOException {
    Path copy = copyOf(run, "truncated");
    Path best = copy.resolve("best.params");
    byte[] bytes = Files.readAllBytes(best);
    Files.write(best, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertOneLine(CliRun.of("eval", copy.toString()), best + ": ");
  }

  @Test
  void aParameterFileZeroedInTheMiddleIsNamedDamaged() throws IOException {
    Path copy = copyOf(run, "zeroed");
    Path best = copy.resolve("best.params");
    byte[] bytes = Files.readAllBytes(best);
    java.util.Arrays.fill(bytes, bytes.length / 3, 2 * bytes.length / 3, (byte) 0);
    Files.write(best, bytes);
    String line = assertOneLine(CliRun.of("eval", copy.toString()), best + ": damaged: its SHA-256 is ");
    assertTrue(line.contains("run.json records"), line);
  }

  @Test
  void anotherNetworksParametersAreNamed() throws IOException {
    Path copy = copyOf(run, "other");
    Files.copy(other.resolve("best.params"), copy.resolve("best.params"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertOneLine(CliRun.of("eval", copy.toString()), copy.resolve("best.params") + ": damaged");
    // and without a checksum to catch it (a run folder from before checksums): the shapes tell
    JsonObject json = JsonFiles.readObject(copy.resolve("run.json"));
    json.remove("parameter_files");
    RunFolder.open(copy).writeJson("run.json", json);
    assertOneLine(CliRun.of("eval", copy.toString()),
        copy.resolve("best.params") + ": holds the parameters of another network: its ");
  }

  @Test
  void aClassIndicesFileWithTooFewClassesIsNamed() throws IOException {
    Path copy = copyOf(run, "classes");
    Files.writeString(copy.resolve("class_indices.json"), "{\"0\": \"T-shirt/top\", \"1\": \"Trouser\"}");
    assertOneLine(CliRun.of("predict", copy.toString(), writeImage("x.png").toString()),
        copy.resolve("class_indices.json") + ": names 2 classes, but the run's network has 10 (run.json)");
  }

  @Test
  void evalOnDataWithOtherClassesListsBoth() throws IOException {
    Path data = work.resolve("other-classes");
    for (String name : new String[] {"ant/1.png", "ant/2.png", "bee/1.png", "bee/2.png"}) {
      Files.createDirectories(data.resolve(name).getParent());
      Files.copy(writeImage("img.png"), data.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    String line = assertOneLine(CliRun.of("eval", run.toString(), "--data", data.toString()),
        data + ": its classes [ant, bee] are not the run's [T-shirt/top, ");
    assertTrue(line.contains("class_indices.json"), line);
  }

  @Test
  void aRunThatCannotStartLeavesNoFolder() throws IOException {
    assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU, so --device gpu can start");
    Path runs = work.resolve("gpu-runs");
    CliRun gpu = CliRun.of("train", "--spec", work.resolve("mine/tiny-b.yaml").toString(), "--device", "gpu",
        "--output", runs.toString());
    assertEquals(1, gpu.code(), gpu.err());
    assertFalse(Files.exists(runs.resolve("train-1")), "no empty run folder");
    Path file = Files.writeString(work.resolve("a-file"), "x");
    CliRun intoFile = CliRun.of("train", "--spec", work.resolve("mine/tiny-b.yaml").toString(), "--output",
        file.toString(), "--epochs", "1", "--limit", "50");
    assertOneLine(intoFile, file + ": is a file, not a folder");
  }

  private static String assertOneLine(CliRun result, String start) {
    assertEquals(1, result.code(), result.err());
    String err = result.err().strip();
    assertFalse(err.contains("\n"), "one line: " + err);
    assertTrue(err.startsWith("netspec: error: " + start), err);
    return err;
  }

  private static Path writeImage(String name) throws IOException {
    Path file = work.resolve(name);
    ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
    return file;
  }

  private static Path copyOf(Path folder, String name) throws IOException {
    Path target = work.resolve("corpus").resolve(name);
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        Path to = target.resolve(folder.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    return target;
  }
}
