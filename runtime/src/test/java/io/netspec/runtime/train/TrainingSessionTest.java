package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netspec.report.chart.CurveStyle;
import io.netspec.runtime.data.Augmentation;
import io.netspec.runtime.data.EmbeddedSample;
import io.netspec.runtime.data.FashionMnist;
import io.netspec.runtime.data.TrainingData;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.Network;
import java.io.InputStream;
import java.io.Writer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One short training run of the generated googlenet-fashion end to end (one epoch on 1,000 embedded images):
 * the run folder's files, and a held-out accuracy well above chance (10%).
 */
class TrainingSessionTest {

  private static final int EPOCHS = 1;

  @TempDir
  static Path runs;

  private static TrainingResult result;
  private static Network network;
  private static String console;

  @BeforeAll
  static void train() throws Exception {
    network = newNetwork();
    StringWriter out = new StringWriter();
    result = train(network, new PrintWriter(out, true));
    console = out.toString();
  }

  private static Network newNetwork() throws Exception {
    return ModelCatalog.generated().find("googlenet-fashion")
        .build(Optional.of(FashionMnist.classes()), Optional.empty());
  }

  private static TrainingResult train(Network network, PrintWriter console) throws Exception {
    TrainingData data = TrainingData.load(new EmbeddedSample(), 1000);
    TrainingSettings settings = new TrainingSettings(EPOCHS, 32, OptimizerChoice.ADAM, 0.002f,
        LearningRateSchedule.COSINE, 0, 1e-4f, 42, DeviceChoice.parse("cpu"), Augmentation.NONE);
    return new TrainingSession(network, data, settings, console, false).run(runs);
  }

  @Test
  void heldOutAccuracyBeatsChanceByAWideMargin() {
    // chance is 10%; this run reaches about 60% (seed 42, two CPU threads)
    assertTrue(result.best().validationAccuracy() > 0.3, console);
  }

  @Test
  void theSameSeedGivesTheSameRun() throws Exception {
    TrainingResult again = train(newNetwork(), new PrintWriter(Writer.nullWriter()));
    assertEquals(runs.resolve("train-2"), again.folder(), "a second run gets a new folder");
    EpochMetrics first = result.last();
    EpochMetrics second = again.last();
    assertEquals(first.loss(), second.loss());
    assertEquals(first.auxLosses(), second.auxLosses());
    assertEquals(first.validationAccuracy(), second.validationAccuracy());
  }

  @Test
  void runFolderHoldsEveryFileAndNoTemporaryOne() throws Exception {
    try (Stream<Path> files = Files.list(result.folder())) {
      Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
      assertTrue(names.containsAll(Set.of("run.json", "metrics.jsonl", "class_indices.json", "last.params",
          "best.params", "spec", "plot.png", "confusion.json")), names.toString());
      assertTrue(names.stream().noneMatch(n -> n.startsWith(".")), names.toString());
    }
  }

  @Test
  void runJsonNamesTheSpecAndItsHash() throws Exception {
    JsonObject run = json("run.json");
    assertEquals(network.type().specFile(), run.get("spec_file").getAsString());
    assertEquals(network.type().specSha256(), run.get("spec_sha256").getAsString());
    assertEquals(result.bestEpoch(), run.get("best_epoch").getAsInt());
  }

  @Test
  void specFilesAreSavedWithTheirParent() throws Exception {
    Path spec = result.folder().resolve("spec");
    assertTrue(Files.isRegularFile(spec.resolve("googlenet-fashion.yaml")));
    assertTrue(Files.isRegularFile(spec.resolve("googlenet.yaml")), "the spec googlenet-fashion extends");
  }

  @Test
  void savedParametersLoadIntoAFreshNetwork() throws Exception {
    Network fresh = network.type().build(Optional.of(FashionMnist.classes()), Optional.empty());
    try (Model model = Model.newInstance("reload", Device.cpu());
        InputStream best = Files.newInputStream(result.folder().resolve("best.params"))) {
      model.setBlock(fresh.block());
      model.load(best);
      assertEquals(json("run.json").get("trainable_parameters").getAsLong(), fresh.trainableParameters());
    }
  }

  @Test
  void metricsHaveOneLinePerEpochWithEveryFigure() throws Exception {
    List<String> lines = Files.readAllLines(result.folder().resolve("metrics.jsonl"));
    assertEquals(EPOCHS, lines.size());
    JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    for (String key : List.of("epoch", "loss", "main_loss", "aux_losses", "train_accuracy", "val_loss",
        "val_accuracy", "lr", "images_per_second", "seconds")) {
      assertTrue(first.has(key), key + " in " + first);
    }
    assertEquals(Set.copyOf(network.auxNames()), first.getAsJsonObject("aux_losses").keySet());
  }

  @Test
  void classIndicesNameTheTenClasses() throws Exception {
    JsonObject indices = json("class_indices.json");
    assertEquals(10, indices.size());
    assertEquals("T-shirt/top", indices.get("0").getAsString());
    assertEquals("Ankle boot", indices.get("9").getAsString());
  }

  @Test
  void consoleShowsEngineDevicesAndLosses() {
    assertTrue(console.contains("PyTorch") && console.contains("cpu()"), console);
    for (String aux : network.auxNames()) {
      assertTrue(console.contains(aux + " "), console);
    }
  }

  private static JsonObject json(String name) throws Exception {
    return JsonParser.parseString(Files.readString(result.folder().resolve(name))).getAsJsonObject();
  }

  /** Issue 10, item 6: the console, metrics.jsonl and plot.png call each figure by one name. */
  @Test
  void everyFigureHasOneNameOnTheConsoleInTheMetricsAndInThePlot() throws Exception {
    JsonObject line = JsonParser.parseString(Files.readAllLines(result.folder().resolve("metrics.jsonl")).get(0))
        .getAsJsonObject();
    List<String> plotted = MetricsPlot.charts(result.epochs()).stream()
        .flatMap(chart -> chart.series().stream().map(series -> CurveStyle.of(series.key(), 0).name())).toList();
    // googlenet-fashion trains one auxiliary classifier: objective and main loss differ, and both are shown
    assertEquals(List.of("loss", "main_loss", "aux1", "val_loss", "train_accuracy", "val_accuracy"),
        plotted);
    for (String name : plotted) {
      boolean inMetrics = line.has(name) || line.getAsJsonObject("aux_losses").has(name);
      assertTrue(inMetrics, name + " in " + line);
      assertTrue(console.contains(name + " "), name + " on the console: " + console);
    }
    String bar = console.lines().filter(l -> l.contains("main_loss")).reduce((a, b) -> b).orElseThrow();
    double objective = Double.parseDouble(bar.replaceAll(".*\\bloss ([0-9.]+).*", "$1"));
    double main = Double.parseDouble(bar.replaceAll(".*main_loss ([0-9.]+).*", "$1"));
    assertEquals(line.get("loss").getAsDouble(), objective, 1e-4, bar); // the console's loss is the objective
    assertEquals(line.get("main_loss").getAsDouble(), main, 1e-4, bar);
    assertTrue(objective > main, bar);
  }
}
