package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netspec train} run three times, each in a JVM of its own, on the first images of the embedded sample
 * for one epoch with random crops and flips, so that every random generator of a run is used (initial weights,
 * shuffling, dropout, augmentation): twice with the default seed, once with another. The two runs with the same
 * seed must record the same epoch figures and save the same parameters, byte for byte; since every step's update
 * goes into the saved parameters, equal parameters mean that every step of the epoch computed the same (a run
 * records no per-step losses, only the epoch's). The run with the other seed must differ, or the seed would not
 * be reaching the run. Separate JVMs see what one JVM hides: different garbage collections and memory (this test
 * found the auxiliary loss weight read from freed memory, see {@code ClassifierLossGradientTest}).
 */
class TrainInSeparateJvmsTest {

  /** Images of each split: 3 steps of 32 images, then a held-out score, so that a run is short. */
  private static final int LIMIT = 96;

  /** The figures of a metrics line that measure time rather than learning. */
  private static final List<String> TIMINGS = List.of("images_per_second", "seconds");

  @TempDir
  static Path work;

  private static Path first;
  private static Path second;
  private static Path otherSeed;

  @BeforeAll
  static void trainThreeTimes() throws Exception {
    first = train("first");
    second = train("second");
    otherSeed = train("other-seed", "--seed", "43");
  }

  @Test
  void theSameSeedRecordsTheSameEpochFigures() throws IOException {
    assertEquals(figures(first), figures(second));
  }

  @Test
  void theSameSeedSavesTheSameParameters() throws IOException {
    for (String file : List.of("last.params", "best.params", "confusion.json")) {
      assertEquals(sha256(first.resolve(file)), sha256(second.resolve(file)), file);
    }
  }

  @Test
  void anotherSeedGivesAnotherRun() throws IOException {
    assertNotEquals(figures(first).get("loss"), figures(otherSeed).get("loss"));
    assertNotEquals(sha256(first.resolve("last.params")), sha256(otherSeed.resolve("last.params")));
  }

  /** Runs {@code netspec train} in a new JVM and returns its run folder. */
  private static Path train(String name, String... options) throws Exception {
    Path output = work.resolve(name);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "train", "--limit", Integer.toString(LIMIT), "--batch-size", "32", "--epochs", "1", "--device", "cpu",
        "--augment", "crop+flip", "--output", output.toString()));
    command.addAll(List.of(options));
    Path log = work.resolve(name + ".log");
    Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(name + ": netspec train did not finish");
    }
    assertEquals(0, process.exitValue(), name + ": " + Files.readString(log, StandardCharsets.UTF_8));
    return output.resolve("train-1");
  }

  /** The one line of {@code metrics.jsonl}, without the figures that measure time. */
  private static JsonObject figures(Path run) throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8);
    assertEquals(1, lines.size(), lines.toString());
    JsonObject figures = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    TIMINGS.forEach(figures::remove);
    return figures;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
