package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.netspec.blocks.Precision;
import io.netspec.runtime.data.Augmentation;
import org.junit.jupiter.api.Test;

/** {@code --precision} in the settings: the recipe line, run.json's record, and runs recorded before it. */
class PrecisionSettingsTest {

  private static final TrainingSettings FP32 = new TrainingSettings(2, 32, OptimizerChoice.ADAM, 0.002f,
      LearningRateSchedule.COSINE, 0, 0f, 42, DeviceChoice.parse("cpu"), Augmentation.NONE);

  @Test
  void theRecipeLineNamesBf16AndLeavesTheDefaultUnsaid() {
    assertTrue(FP32.withPrecision(Precision.BF16).describe().endsWith(", bf16"));
    assertFalse(FP32.describe().contains("fp32"), FP32.describe());
    assertEquals(Precision.FP32, FP32.precision());
  }

  @Test
  void runJsonSettingsReadBackWithTheirPrecision() {
    TrainingSettings bf16 = FP32.withPrecision(Precision.BF16).withEpochs(5);
    assertEquals(Precision.BF16, bf16.precision(), "withEpochs, as --resume uses it, keeps the precision");
    assertEquals(Precision.BF16, RunDescription.settings(run(bf16, "bf16")).precision());
    assertEquals(bf16, RunDescription.settings(run(bf16, "bf16")));
  }

  @Test
  void aRunRecordedBeforeThePrecisionWasFp32() {
    JsonObject old = run(FP32, null);
    assertEquals(Precision.FP32, RunDescription.settings(old).precision());
  }

  /** run.json's settings as RunDescription.describe writes them, {@code precision} left out when null. */
  private static JsonObject run(TrainingSettings settings, String precision) {
    JsonObject s = new JsonObject();
    s.addProperty("epochs", settings.epochs());
    s.addProperty("batch_size", settings.batchSize());
    s.addProperty("optimizer", settings.optimizer().toString());
    s.addProperty("learning_rate", settings.learningRate());
    s.addProperty("schedule", settings.schedule().toString());
    s.addProperty("warmup_epochs", settings.warmupEpochs());
    s.addProperty("weight_decay", settings.weightDecay());
    s.addProperty("seed", settings.seed());
    s.addProperty("augmentation", settings.augmentation().toString());
    s.addProperty("device", settings.devices().text());
    s.addProperty("workers", settings.workers());
    if (precision != null) {
      s.addProperty("precision", precision);
    }
    JsonObject run = new JsonObject();
    run.add("settings", s);
    return run;
  }
}
