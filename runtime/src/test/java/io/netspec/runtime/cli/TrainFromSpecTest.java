package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.runtime.data.EmbeddedSample;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.data.Split;
import io.netspec.runtime.eval.JsonFiles;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.ModelRecord;
import io.netspec.runtime.train.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --spec FILE}: the network built from a spec file at run time, trained, then evaluated, used for
 * prediction and resumed from the run folder's copy of the spec after the original is deleted; its parameters
 * scored by the generated class of the same spec with the same accuracy, and a generated run's by the interpreter.
 */
class TrainFromSpecTest {

  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));
  private static final String LIMIT = "300";

  @TempDir
  static Path work;

  private static Path mySpecs;
  private static Path run;
  private static CliRun trained;
  private static CliRun resumed;

  /** Trains one epoch from a copy of googlenet-fashion.yaml, deletes the copy, resumes to a second epoch. */
  @BeforeAll
  static void trainDeleteTheSpecAndResume() throws Exception {
    mySpecs = Files.createDirectories(work.resolve("my-specs"));
    Files.copy(SPECS.resolve("googlenet.yaml"), mySpecs.resolve("googlenet.yaml"));
    Files.copy(SPECS.resolve("googlenet-fashion.yaml"), mySpecs.resolve("googlenet-fashion.yaml"));
    trained = CliRun.of("train", "--spec", mySpecs.resolve("googlenet-fashion.yaml").toString(), "--limit", LIMIT,
        "--epochs", "1", "--optimizer", "adam", "--batch-size", "32", "--device", "cpu", "--output",
        work.resolve("runs").toString());
    assertEquals(0, trained.code(), trained.err());
    run = work.resolve("runs/train-1");
    deleteRecursively(mySpecs);
    resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", "2");
    assertEquals(0, resumed.code(), resumed.err());
  }

  @Test
  void runJsonRecordsTheSpecFileItsPathAndHash() throws Exception {
    JsonObject json = JsonFiles.readObject(run.resolve("run.json"));
    assertEquals("spec file", json.get("model_source").getAsString());
    assertEquals(mySpecs.resolve("googlenet-fashion.yaml").toAbsolutePath().toString(),
        json.get("spec_path").getAsString(), "the original, also after --resume");
    assertEquals("googlenet-fashion.yaml", json.get("spec_file").getAsString());
    assertEquals(SpecLoader.load(SPECS.resolve("googlenet-fashion.yaml")).sha256(),
        json.get("spec_sha256").getAsString());
    assertEquals("googlenet-fashion", json.get("model").getAsString());
    for (String file : List.of("googlenet-fashion.yaml", "googlenet.yaml")) {
      assertArrayEquals(Files.readAllBytes(SPECS.resolve(file)), Files.readAllBytes(run.resolve("spec/" + file)));
    }
    assertTrue(trained.out().contains("googlenet-fashion (interpreted from " + mySpecs), trained.out());
  }

  @Test
  void resumeRebuildsTheNetworkFromTheRunFoldersCopy() throws Exception {
    assertTrue(resumed.out().contains("resuming after epoch 1 of 2"), resumed.out());
    assertEquals(2, JsonFiles.readObject(run.resolve("run.json")).get("epochs_done").getAsInt());
  }

  @Test
  void evalScoresTheRecordedAccuracy() throws Exception {
    CliRun eval = CliRun.of("eval", run.toString(), "-o", work.resolve("eval.json").toString());
    assertEquals(0, eval.code(), eval.err());
    assertEquals(recordedAccuracy(run), top1(eval), 0.006, eval.out());
  }

  /**
   * The independent check that the interpreted and the generated network are one network: the generated class,
   * built from the catalog, scores the interpreted run's parameters as the run did; and the interpreter scores a
   * generated run's parameters as that run did.
   */
  @Test
  void eachNetworkScoresTheOthersParametersAsTheRunRecorded() throws Exception {
    Path asGenerated = copyWithSource(run, work.resolve("as-generated"), "generated class");
    assertEquals(ModelCatalog.generated().find("googlenet-fashion").networkClass(),
        ModelRecord.rebuild(asGenerated, JsonFiles.readObject(asGenerated.resolve("run.json"))).networkClass());
    CliRun generatedEval = CliRun.of("eval", asGenerated.toString(), "-o", work.resolve("generated.json").toString());
    assertEquals(0, generatedEval.code(), generatedEval.err());
    assertTrue(generatedEval.out().contains("(googlenet-fashion, best.params)"), generatedEval.out());
    assertEquals(recordedAccuracy(run), top1(generatedEval), 0.006, generatedEval.out());
    assertEquals(JsonFiles.readObject(run.resolve("confusion.json")),
        JsonFiles.readObject(work.resolve("generated.json")), "the same held-out predictions");

    CliRun generatedRun = CliRun.of("train", "--model", "googlenet-fashion", "--limit", "100", "--epochs", "1",
        "--batch-size", "32", "--device", "cpu", "--output", work.resolve("generated-runs").toString());
    assertEquals(0, generatedRun.code(), generatedRun.err());
    Path generated = work.resolve("generated-runs/train-1");
    Path asInterpreted = copyWithSource(generated, work.resolve("as-interpreted"), "spec file");
    CliRun interpretedEval = CliRun.of("eval", asInterpreted.toString());
    assertEquals(0, interpretedEval.code(), interpretedEval.err());
    assertTrue(interpretedEval.out().contains("interpreted from"), interpretedEval.out());
    assertEquals(recordedAccuracy(generated), top1(interpretedEval), 0.006, interpretedEval.out());
  }

  @Test
  void predictNamesClassesFromTheRunFoldersCopy() throws Exception {
    LabeledImages train = new EmbeddedSample().load(Split.TRAIN);
    Path image = PngFiles.write(train, 0, work.resolve("image.png"));
    CliRun predict = CliRun.of("predict", run.toString(), image.toString());
    assertEquals(0, predict.code(), predict.err());
    assertTrue(predict.out().matches(Pattern.quote(image.toString()) + ": .+ [0-9.]+%, .+ [0-9.]+%, .+ [0-9.]+%\\R"),
        predict.out());
    Path asGenerated = copyWithSource(run, work.resolve("predict-as-generated"), "generated class");
    assertEquals(predict.out(), CliRun.of("predict", asGenerated.toString(), image.toString()).out(),
        "the generated class gives the same probabilities");
  }

  @Test
  void aMissingSpecFileIsNamed() {
    Path missing = work.resolve("no-such.yaml");
    CliRun result = CliRun.of("train", "--spec", missing.toString(), "--output", work.resolve("none").toString());
    assertEquals(1, result.code());
    assertEquals("netspec: error: " + missing + ": no such spec file", result.err().strip());
    assertFalse(Files.exists(work.resolve("none")));
  }

  @Test
  void specAndModelTogetherAreAUsageError() {
    CliRun result = CliRun.of("train", "--spec", SPECS.resolve("googlenet-fashion.yaml").toString(), "--model",
        "googlenet-fashion", "--output", work.resolve("none").toString());
    assertEquals(2, result.code(), result.err());
    assertTrue(result.err().startsWith("netspec: usage error: --spec and --model are mutually exclusive"),
        result.err());
    assertFalse(Files.exists(work.resolve("none")));
  }

  @Test
  void aSpecWithMistakesPrintsEachWithItsPlaceAndCreatesNoRunFolder() throws Exception {
    Path broken = Files.writeString(work.resolve("broken.yaml"), """
        input: 32x32x3
        classes: 10
        layers:
          - {name: conv1, type: convolution, patch: 3x3/1, filter: 32}
          - {name: pool1, type: max_pool}
          - {name: fc, type: linear, units: classes}
        """);
    Path output = work.resolve("broken-runs");
    CliRun result = CliRun.of("train", "--spec", broken.toString(), "--output", output.toString());
    assertEquals(1, result.code());
    List<String> lines = result.err().lines().toList();
    assertEquals(3, lines.size(), result.err());
    assertTrue(lines.stream().allMatch(l -> l.matches(Pattern.quote(broken.toString()) + ":\\d+:\\d+: error: .+")),
        result.err());
    assertFalse(Files.exists(output), "no run folder");
  }

  /** A copy of a run folder whose {@code run.json} says the network came from {@code source}. */
  private static Path copyWithSource(Path run, Path copy, String source) throws IOException {
    try (Stream<Path> files = Files.walk(run)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(run.relativize(file).toString()));
      }
    }
    JsonObject json = JsonFiles.readObject(copy.resolve("run.json"));
    json.addProperty("model_source", source);
    if (!json.has("spec_path")) {
      json.addProperty("spec_path", SPECS.resolve("googlenet-fashion.yaml").toAbsolutePath().toString());
    }
    RunFolder.open(copy).writeJson("run.json", json);
    return copy;
  }

  private static double recordedAccuracy(Path run) throws IOException {
    return 100 * JsonFiles.readObject(run.resolve("run.json")).get("best_val_accuracy").getAsDouble();
  }

  private static double top1(CliRun eval) {
    Matcher top1 = Pattern.compile("top-1 accuracy ([0-9.]+)%").matcher(eval.out());
    assertTrue(top1.find(), eval.out());
    return Double.parseDouble(top1.group(1));
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
