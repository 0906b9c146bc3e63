package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netspec.runtime.eval.TrainedRun;
import io.netspec.runtime.train.EpochMetrics;
import io.netspec.runtime.train.StartingWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "training on your own photos" workflow of issue 10, end to end through the CLI: a 5-class train/ + val/
 * folder of JPEGs of mixed sizes (one file not a JPEG at all), a googlenet.yaml variant (96x96, 5 classes, the
 * global pool so that it fits) trained with its inherited default recipe for one epoch, fine-tuned from that run
 * on 3 other classes with the rows up to inception_5b frozen, the folder predicted as JSON and CSV, val scored.
 */
class PhotosWorkflowTest {

  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));

  @TempDir
  static Path work;

  private static Path flowers;
  private static Path variant;
  private static CliRun trained;
  private static CliRun tuned;
  private static Path firstRun;
  private static Path tunedRun;

  @BeforeAll
  static void trainThenFineTune() throws Exception {
    flowers = PhotoFolders.trainVal(work.resolve("flowers"), PhotoFolders.FLOWERS, 4, 2);
    Files.writeString(flowers.resolve("train/roses/truncated.jpg"), "not a JPEG");
    Path specs = Files.createDirectories(work.resolve("specs"));
    Files.copy(SPECS.resolve("googlenet.yaml"), specs.resolve("googlenet.yaml"));
    variant = Files.writeString(specs.resolve("flowers.yaml"), """
        extends: googlenet.yaml
        input: 96x96x3
        classes: 5
        change:
          pool5: {type: global_avg_pool}
        """);
    trained = CliRun.of("train", "--spec", variant.toString(), "--data", flowers.toString(), "--epochs", "1",
        "--workers", "2", "--device", "cpu", "--output", work.resolve("runs").toString());
    assertEquals(0, trained.code(), trained.out() + trained.err());
    firstRun = work.resolve("runs/train-1");

    Path three = PhotoFolders.trainVal(work.resolve("three"), List.of("daisy", "roses", "tulips"), 3, 1);
    tuned = CliRun.of("train", "--spec", variant.toString(), "--data", three.toString(), "--epochs", "1",
        "--weights", firstRun.toString(), "--freeze", "inception_5b", "--device", "cpu", "--output",
        work.resolve("runs").toString());
    assertEquals(0, tuned.code(), tuned.out() + tuned.err());
    tunedRun = work.resolve("runs/train-2");
  }

  @Test
  void theVariantTrainsWithItsParentsRecipeWithoutDiverging() throws Exception {
    assertTrue(trained.out().contains("recipe: sgd lr 0.01, cosine schedule, 1 warm-up epoch"), trained.out());
    JsonObject run = JsonParser.parseString(Files.readString(firstRun.resolve("run.json"))).getAsJsonObject();
    assertEquals(0.01, run.getAsJsonObject("settings").get("learning_rate").getAsDouble(), 1e-6);
    assertEquals(2.0, run.getAsJsonObject("settings").get("gradient_clip").getAsDouble());
    assertEquals(20, run.getAsJsonObject("data").get("train_images").getAsInt()); // 21 files, one unreadable
    assertEquals(10, run.getAsJsonObject("data").get("test_images").getAsInt());
    // an image folder's run records its JPEG decoder: libjpeg-turbo where Debian's libturbojpeg0 is installed
    String decoder = run.getAsJsonObject("data").get("jpeg_decoder").getAsString();
    boolean turbo = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libturbojpeg.so.0"));
    assertTrue(decoder.startsWith(turbo ? "libjpeg-turbo" : "javax.imageio"), decoder);
    assertTrue(trained.err().contains("truncated.jpg"), trained.err());
    String metrics = Files.readString(firstRun.resolve("metrics.jsonl"));
    EpochMetrics epoch = EpochMetrics.fromJson(JsonParser.parseString(metrics.strip()).getAsJsonObject());
    assertTrue(epoch.isFinite(), metrics);
    assertTrue(Files.isRegularFile(firstRun.resolve("best.params")));
  }

  @Test
  void fineTuningReinitialisesOnlyTheHeadsAndLeavesFrozenRowsAsTheyWere() throws Exception {
    // the heads are the last linear rows of the main path and of each auxiliary classifier
    assertTrue(tuned.out().contains("re-initialised for 3 classes:"), tuned.out());
    String line = tuned.out().lines().filter(l -> l.startsWith("weights: ")).findFirst().orElseThrow();
    for (String head : List.of("fc.weight", "fc.bias", "aux1.fc2.weight", "aux2.fc2.bias")) {
      assertTrue(line.contains(head), line);
    }
    assertFalse(line.contains("conv1"), line);
    JsonObject run = JsonParser.parseString(Files.readString(tunedRun.resolve("run.json"))).getAsJsonObject();
    JsonObject weights = run.getAsJsonObject("weights");
    assertEquals(firstRun + " (best.params)", weights.get("from").getAsString());
    assertEquals(6, weights.getAsJsonArray("reinitialised").size()); // fc, aux1.fc2, aux2.fc2: weight and bias
    JsonArray frozen = weights.getAsJsonArray("frozen_rows");
    assertEquals("conv1", frozen.get(0).getAsString());
    assertEquals("inception_5b", frozen.get(frozen.size() - 1).getAsString());

    try (TrainedRun before = TrainedRun.open(firstRun, "best"); TrainedRun after = TrainedRun.open(tunedRun, "last")) {
      // a frozen row keeps the first run's values through a training step; the head trained has the new shape
      assertArrayEquals(values(before, "conv1"), values(after, "conv1"));
      assertArrayEquals(values(before, "inception_5b"), values(after, "inception_5b"));
      assertEquals(3, parameter(after, "fc.weight").getArray().getShape().get(0));
      assertEquals(5, parameter(before, "fc.weight").getArray().getShape().get(0));
      assertNotEquals(0, values(after, "fc").length);
    }
  }

  @Test
  void predictTakesAFolderReportsTheUnreadableFileAndWritesJsonAndCsv() throws Exception {
    Path csv = work.resolve("predictions.csv");
    CliRun predicted = CliRun.of("predict", firstRun.toString(), flowers.resolve("val").toString(),
        flowers.resolve("train/roses").toString(), "--json", "--top", "2", "--csv", csv.toString());
    assertEquals(1, predicted.code(), "one file failed: " + predicted.err());
    assertEquals(1, predicted.err().lines().filter(l -> l.startsWith("netspec: error: ")).count(), predicted.err());
    assertTrue(predicted.err().contains("truncated.jpg"), predicted.err());
    JsonObject json = JsonParser.parseString(predicted.out()).getAsJsonObject();
    JsonArray predictions = json.getAsJsonArray("predictions");
    assertEquals(10 + 4, predictions.size()); // val's 10 and the 4 readable roses
    JsonObject first = predictions.get(0).getAsJsonObject();
    assertEquals(2, first.getAsJsonArray("top").size());
    assertTrue(PhotoFolders.FLOWERS.contains(first.getAsJsonArray("top").get(0).getAsJsonObject().get("class")
        .getAsString()));
    List<String> rows = Files.readAllLines(csv);
    assertEquals("file,class_1,probability_1,class_2,probability_2", rows.get(0));
    assertEquals(1 + 14, rows.size());
  }

  @Test
  void evalScoresValAndSaysWhichImages() {
    CliRun scored = CliRun.of("eval", firstRun.toString(), "--split", "val", "-o",
        work.resolve("val-confusion.json").toString());
    assertEquals(0, scored.code(), scored.err());
    assertTrue(scored.out().contains("scoring 10 images, " + flowers.resolve("val")), scored.out());
    CliRun all = CliRun.of("eval", firstRun.toString(), "--split", "all", "-o",
        work.resolve("all-confusion.json").toString());
    assertEquals(0, all.code(), all.err());
    assertTrue(all.out().contains("scoring 30 images, every image of " + flowers), all.out());
    CliRun test = CliRun.of("eval", firstRun.toString(), "--split", "test");
    assertEquals(1, test.code());
    assertTrue(test.err().contains("has no test/ folder"), test.err());
  }

  @Test
  void weightsOfAnotherNetworkAreOneLineAndNoRunFolder() throws Exception {
    Path output = work.resolve("other-network-runs");
    CliRun other = CliRun.of("train", "--model", "googlenet-fashion", "--spec", variant.toString());
    assertEquals(2, other.code()); // a usage error, before anything else
    CliRun fashion = CliRun.of("train", "--limit", "64", "--epochs", "1", "--device", "cpu", "--output",
        work.resolve("fashion-runs").toString());
    assertEquals(0, fashion.code(), fashion.err());
    CliRun wrong = CliRun.of("train", "--spec", variant.toString(), "--data", flowers.toString(), "--epochs", "1",
        "--weights", work.resolve("fashion-runs/train-1").toString(), "--output", output.toString());
    assertEquals(1, wrong.code(), wrong.err());
    // the unreadable file is a warning; the error is one line
    assertEquals(1, wrong.err().lines().filter(l -> l.startsWith("netspec: error: ")).count(), wrong.err());
    assertTrue(wrong.err().contains("belong to another network"), wrong.err());
    assertFalse(Files.exists(output) && Files.list(output).findAny().isPresent(), "no run folder is made");
  }

  /** The parameter a user calls {@code name} ({@code fc.weight}; DJL's own name is {@code 20fc_02Linear_weight}). */
  private static Parameter parameter(TrainedRun run, String name) {
    var shown = StartingWeights.displayNames(run.network().block());
    return run.network().block().getParameters().stream().filter(p -> name.equals(shown.get(p.getKey())))
        .map(p -> p.getValue()).findFirst().orElseThrow(() -> new AssertionError("no parameter " + name));
  }

  /** Every value of the parameters of one row, in order. */
  private static float[] values(TrainedRun run, String row) {
    List<float[]> arrays = run.network().block().getParameters().stream()
        .filter(p -> p.getKey().replaceFirst("^\\d+", "").startsWith(row + "_"))
        .map(p -> p.getValue().getArray().toFloatArray()).toList();
    int size = arrays.stream().mapToInt(a -> a.length).sum();
    float[] all = new float[size];
    int at = 0;
    for (float[] a : arrays) {
      System.arraycopy(a, 0, all, at, a.length);
      at += a.length;
    }
    return all;
  }

  static boolean isEmptyOrMissing(Path folder) throws Exception {
    if (!Files.exists(folder)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
