package io.netspec.generator.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netspec.dsl.python.DebianPython;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec's {@code training:} recipe reaches {@code netspec_torch.train}: the generated module carries it as
 * {@code TRAINING} (inherited keys included), and a short run on a tiny IDX set (recipe_probe.py, Debian's
 * python3-torch) creates its optimizer with the recipe's rate, momentum and weight decay, sets every step's rate
 * by the recipe's schedule (the expected rates computed here from the schedules' formulas), and records the
 * recipe in run.json; command-line options win over the recipe as in {@code netspec train}. Expected values are
 * those written in the test's spec and in specs/googlenet.yaml and googlenet-torchvision.yaml.
 */
class TrainingRecipeModuleTest {

  /** 64 training images in batches of 16: 4 steps an epoch. */
  private static final int STEPS_PER_EPOCH = 4;

  @TempDir
  Path folder;

  @Test
  void theModuleCarriesTheRecipeWithWhatItInherits() throws Exception {
    String torchvision = PytorchGenerator.generate(
        GeneratedModules.load(GeneratedModules.SHIPPED.resolve("googlenet-torchvision.yaml"))).text();
    String recipe = torchvision.substring(torchvision.indexOf("TRAINING = {"), torchvision.indexOf("}\n",
        torchvision.indexOf("TRAINING = {")) + 2);
    assertEquals(String.join("\n",
        "TRAINING = {",
        "    \"optimizer\": \"sgd\",", // googlenet.yaml's
        "    \"learning_rate\": 0.05,", // its own
        "    \"schedule\": \"cosine\",",
        "    \"warmup_epochs\": 1,",
        "    \"epochs\": 30,", // googlenet.yaml's
        "    \"batch_size\": 32,",
        "    \"augmentation\": \"crop+flip\",",
        "    \"weight_decay\": 0.0001,",
        "    \"label_smoothing\": 0.1,",
        "    \"gradient_clip\": 0.0,",
        "}", ""), recipe);
  }

  @Test
  void theRecipeReachesTheOptimizerAndTheSchedule() throws Exception {
    JsonObject run = probe(List.of());
    JsonObject optimizer = run.getAsJsonObject("optimizer");
    assertEquals("SGD", optimizer.get("type").getAsString());
    assertEquals(0.3, optimizer.get("lr").getAsDouble(), 1e-12);
    assertEquals(0.9, optimizer.get("momentum").getAsDouble(), 1e-12);
    assertEquals(0.0005, optimizer.get("weight_decay").getAsDouble(), 1e-12);
    // onecycle over 2 epochs of 4 steps: up from 0.3 / 25 over the first 30%, then a cosine down to 0
    JsonArray rates = run.getAsJsonArray("rates");
    assertEquals(2 * STEPS_PER_EPOCH, rates.size());
    for (int step = 0; step < rates.size(); step++) {
      double progress = step / (2.0 * STEPS_PER_EPOCH);
      double expected = progress < 0.3 ? 0.3 * (0.04 + 0.96 * progress / 0.3)
          : 0.3 * 0.5 * (1 + Math.cos(Math.PI * (progress - 0.3) / 0.7));
      assertEquals(expected, rates.get(step).getAsDouble(), 1e-9, "step " + step);
    }
    JsonObject settings = run.getAsJsonObject("settings");
    assertEquals("onecycle", settings.get("schedule").getAsString());
    assertEquals("crop+flip", settings.get("augmentation").getAsString());
    assertEquals(0.1, settings.get("label_smoothing").getAsDouble(), 1e-12);
    assertEquals(1.5, settings.get("gradient_clip").getAsDouble(), 1e-12);
    assertEquals(16, settings.get("batch_size").getAsInt());
    assertEquals(2, run.getAsJsonArray("metrics").size(), "the recipe's 2 epochs");
  }

  @Test
  void theCommandLineWinsAndAnotherOptimizerTakesItsOwnRate() throws Exception {
    JsonObject run = probe(List.of("--optimizer", "adam", "--schedule", "constant", "--epochs", "1",
        "--weight-decay", "0"));
    JsonObject optimizer = run.getAsJsonObject("optimizer");
    assertEquals("Adam", optimizer.get("type").getAsString());
    assertEquals(0.002, optimizer.get("lr").getAsDouble(), 1e-12, "Adam's default, not the spec's SGD rate");
    assertEquals(0.0, optimizer.get("weight_decay").getAsDouble());
    JsonArray rates = run.getAsJsonArray("rates");
    assertEquals(STEPS_PER_EPOCH, rates.size());
    rates.forEach(rate -> assertEquals(0.002, rate.getAsDouble(), 1e-12));
    assertEquals(16, run.getAsJsonObject("settings").get("batch_size").getAsInt(), "the spec's batch size");
  }

  @Test
  void aWarmUpRisesFromTheFirstStepAsInNetspecTrain() throws Exception {
    JsonObject run = probe(List.of("--schedule", "cosine", "--warmup", "1"));
    JsonArray rates = run.getAsJsonArray("rates");
    for (int step = 0; step < rates.size(); step++) {
      // LearningRatePlan: the schedule at the steps done before, times the share of the warm-up done with this one
      double cosine = 0.3 * 0.5 * (1 + Math.cos(Math.PI * step / (2.0 * STEPS_PER_EPOCH)));
      double expected = cosine * Math.min(1, (step + 1.0) / STEPS_PER_EPOCH);
      assertEquals(expected, rates.get(step).getAsDouble(), 1e-9, "step " + step);
    }
  }

  @Test
  void theGpuRecipeScriptTrainsEachModuleWithItsRecipeCappedAndWritesItsSummary() throws Exception {
    probe(List.of("--epochs", "1")); // the modules and the tiny IDX set
    Path out = folder.resolve("out");
    Path script = Path.of("../../tools/pytorch/recipes_gpu.py").toAbsolutePath().normalize();
    DebianPython.run(List.of(script.toString(), out.toString(), out.resolve("data").toString(), "--only",
        "recipe_net", "--max-epochs", "1", "--limit", "32", "--device", "cpu", "--out",
        folder.resolve("summary").toString()), out);
    JsonObject summary = JsonParser.parseString(Files.readString(folder.resolve("summary/recipes_gpu.json")))
        .getAsJsonObject();
    JsonObject network = summary.getAsJsonArray("networks").get(0).getAsJsonObject();
    assertEquals("recipe_net", network.get("module").getAsString());
    assertEquals(2, network.getAsJsonObject("recipe").get("epochs").getAsInt(), "the spec's recipe");
    assertEquals(1, network.get("epochs").getAsInt(), "capped by --max-epochs");
    JsonArray epochs = network.getAsJsonArray("per_epoch");
    assertEquals(1, epochs.size());
    double accuracy = epochs.get(0).getAsJsonObject().get("val_accuracy").getAsDouble();
    assertTrue(accuracy >= 0 && accuracy <= 1 && !network.has("error"), network.toString());
    String settings = Files.readString(Path.of(network.get("run_folder").getAsString()).resolve("run.json"));
    assertTrue(settings.contains("\"schedule\": \"onecycle\""), "trained with the spec's schedule: " + settings);
  }

  /** recipe_probe.py's report of a run of the test's spec with {@code options}. */
  private JsonObject probe(List<String> options) throws Exception {
    DebianPython.assumeTorch();
    Path spec = Files.writeString(folder.resolve("recipe-net.yaml"), String.join("\n",
        "extends: " + GeneratedModules.SHIPPED.toAbsolutePath().normalize().resolve("googlenet-fashion.yaml"),
        "training:",
        "  learning_rate: 0.3",
        "  schedule: onecycle",
        "  epochs: 2",
        "  batch_size: 16",
        "  weight_decay: 0.0005",
        "  label_smoothing: 0.1",
        "  gradient_clip: 1.5",
        "  augmentation: crop+flip",
        ""));
    Path out = Files.createDirectories(folder.resolve("out"));
    GeneratedModules.write(PytorchGenerator.generateAll(List.of(GeneratedModules.load(spec))), out);
    try (var script = getClass().getResourceAsStream("/recipe_probe.py")) {
      Files.write(out.resolve("recipe_probe.py"), script.readAllBytes());
    }
    List<String> arguments = new ArrayList<>(List.of("recipe_probe.py", "recipe_net", "data"));
    arguments.addAll(options);
    String printed = DebianPython.run(arguments, out);
    String last = printed.lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("{"), printed);
    return JsonParser.parseString(last).getAsJsonObject();
  }
}
