package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netspec.dsl.spec.TrainingRecipe;
import io.netspec.runtime.data.Augmentation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line over the spec's recipe over the built-in defaults. */
class RecipeOptionsTest {

  private static final DeviceChoice CPU = DeviceChoice.parse("cpu");
  private static final TrainingRecipe SPEC = new TrainingRecipe(Optional.of("sgd"), Optional.of(0.01),
      Optional.of("step"), Optional.of(2), Optional.of(30), Optional.of(16), Optional.of(64), Optional.of("flip"),
      Optional.of(0.0002), Optional.of(0.1), Optional.of(2.0));

  private static RecipeOptions none() {
    return new RecipeOptions(null, null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void theSpecsRecipeIsUsedWhereTheCommandLineIsSilent() {
    TrainingSettings settings = none().resolve(SPEC, 7, CPU, 3);
    assertEquals(new TrainingSettings(30, 16, OptimizerChoice.SGD, 0.01f, LearningRateSchedule.STEP, 2, 0.0002f, 7,
        CPU, Augmentation.FLIP, 0.1f, 2f, 3), settings);
    assertEquals(Optional.of(64), none().imageSide(SPEC));
  }

  @Test
  void theCommandLineWins() {
    RecipeOptions cli = new RecipeOptions(1, null, null, 0.05f, null, 0, null, Augmentation.NONE, 0f, null, 32);
    TrainingSettings settings = cli.resolve(SPEC, 7, CPU, 1);
    assertEquals(1, settings.epochs());
    assertEquals(0.05f, settings.learningRate());
    assertEquals(0, settings.warmupEpochs());
    assertEquals(Augmentation.NONE, settings.augmentation());
    assertEquals(0f, settings.labelSmoothing());
    assertEquals(16, settings.batchSize()); // the spec's
    assertEquals(Optional.of(32), cli.imageSide(SPEC));
  }

  @Test
  void anotherOptimizerOnTheCommandLineTakesItsOwnRateNotTheSpecsRateForSgd() {
    RecipeOptions adam = new RecipeOptions(null, null, OptimizerChoice.ADAM, null, null, null, null, null, null,
        null, null);
    assertEquals(OptimizerChoice.ADAM.defaultLearningRate(), adam.resolve(SPEC, 7, CPU, 1).learningRate());
  }

  @Test
  void withoutARecipeTheBuiltInDefaults() {
    TrainingSettings settings = none().resolve(TrainingRecipe.NONE, 42, CPU, 1);
    assertEquals(new TrainingSettings(4, 64, OptimizerChoice.SGD, 0.1f, LearningRateSchedule.COSINE, 0, 0f, 42,
        CPU, Augmentation.NONE, 0f, 0f, 1), settings);
  }
}
