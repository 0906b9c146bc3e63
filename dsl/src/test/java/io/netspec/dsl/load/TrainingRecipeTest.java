package io.netspec.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.spec.TrainingRecipe;
import io.netspec.dsl.summary.JsonSummary;
import io.netspec.dsl.summary.TextSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code training:} section: read from the spec, inherited key by key along {@code extends}, shown by the
 * summary. Expected values are those written in specs/googlenet.yaml and the variant file.
 */
class TrainingRecipeTest {

  private static final Path SPECS = Path.of("..", "specs");
  private static final Path VARIANTS = Path.of("src", "test", "resources", "variants");

  @Test
  void thePapersSpecCarriesItsRecipe() throws Exception {
    TrainingRecipe recipe = SpecLoader.load(SPECS.resolve("googlenet.yaml")).training();
    assertEquals(Optional.of("sgd"), recipe.optimizer());
    assertEquals(Optional.of(0.01), recipe.learningRate());
    assertEquals(Optional.of(1), recipe.warmupEpochs());
    assertEquals(Optional.of(2.0), recipe.gradientClip());
    assertEquals(Optional.of("crop+flip"), recipe.augmentation());
    assertEquals(Optional.empty(), recipe.imageSize());
  }

  @Test
  void aVariantReplacesTheKeysItGivesAndInheritsTheOthers() throws Exception {
    TrainingRecipe recipe = SpecLoader.load(VARIANTS.resolve("variant-recipe.yaml")).training();
    assertEquals(Optional.of(0.005), recipe.learningRate());
    assertEquals(Optional.of(3), recipe.epochs());
    assertEquals(Optional.of(1), recipe.warmupEpochs()); // googlenet.yaml's
    assertEquals(Optional.of(32), recipe.batchSize()); // googlenet.yaml's
  }

  @Test
  void everyShippedSpecHasARecipeWithAnOptimizerAndARate() throws Exception {
    for (String spec : new String[] {"googlenet.yaml", "googlenet-fashion.yaml", "googlenet-torchvision.yaml"}) {
      TrainingRecipe recipe = SpecLoader.load(SPECS.resolve(spec)).training();
      assertTrue(recipe.optimizer().isPresent() && recipe.learningRate().isPresent(), spec + ": " + recipe);
    }
    // googlenet-fashion gives every key again, so nothing of googlenet.yaml's recipe for 224x224 photos leaks in
    TrainingRecipe fashion = SpecLoader.load(SPECS.resolve("googlenet-fashion.yaml")).training();
    assertEquals(Optional.of(0.1), fashion.learningRate());
    assertEquals(Optional.of(0.0), fashion.gradientClip());
    assertEquals(Optional.of("none"), fashion.augmentation());
  }

  @Test
  void aOneCycleScheduleIsAccepted(@TempDir Path folder) throws Exception {
    Path spec = Files.writeString(folder.resolve("onecycle.yaml"), String.join("\n",
        "extends: " + SPECS.toAbsolutePath().resolve("googlenet-fashion.yaml"),
        "training:", "  schedule: onecycle", "  learning_rate: 0.4", ""));
    TrainingRecipe recipe = SpecLoader.load(spec).training();
    assertEquals(Optional.of("onecycle"), recipe.schedule());
    assertEquals(Optional.of(0.4), recipe.learningRate());
  }

  @Test
  void theSummaryShowsTheRecipe() throws Exception {
    NetworkSpec spec = SpecLoader.load(VARIANTS.resolve("variant-recipe.yaml"));
    String text = TextSummary.render(Analyzer.analyze(spec));
    assertTrue(text.contains("training: optimizer: sgd, learning_rate: 0.005, schedule: cosine, warmup_epochs: 1"),
        text);
    var json = JsonSummary.toJson(Analyzer.analyze(spec)).getAsJsonObject("training");
    assertEquals(0.005, json.get("learning_rate").getAsDouble());
    assertEquals(3, json.get("epochs").getAsInt());
    assertEquals("crop+flip", json.get("augmentation").getAsString());
  }
}
