package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 3: a learning rate far too high makes the loss non-finite within the first steps; training stops
 * at that step with one line that says where and what to try, exit 1, and nothing non-finite becomes a checkpoint.
 */
class DivergenceTest {

  @TempDir
  Path work;

  @Test
  void aNonFiniteLossStopsTrainingAtItsStepWithOneLine() throws Exception {
    CliRun run = CliRun.of("train", "--limit", "160", "--batch-size", "16", "--lr", "1e9", "--epochs", "2",
        "--device", "cpu", "--output", work.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    String line = run.err().strip();
    assertTrue(line.matches("netspec: error: training diverged in epoch 1, step \\d+ of 10 \\(learning rate "
        + "[0-9.e+]+\\): (main_loss|aux1|aux2) is not finite; lower the learning rate \\(--lr .*\\), add warm-up "
        + "\\(--warmup 1\\) or clip gradients \\(--clip 1\\); no epoch completed, so .*train-1 holds no "
        + "checkpoint"), line);
    Path folder = work.resolve("train-1");
    assertFalse(Files.exists(folder.resolve("best.params")), "nothing diverged is kept as best");
    assertFalse(Files.exists(folder.resolve("last.params")));
    JsonObject description = JsonParser.parseString(Files.readString(folder.resolve("run.json"))).getAsJsonObject();
    assertTrue(description.get("diverged").getAsString().startsWith("training diverged in epoch 1, step "));
  }

  @Test
  void aHeldOutLossThatIsNotFiniteMakesNoEpochBest() {
    var finite = new io.netspec.runtime.train.EpochMetrics(1, 1, 1, java.util.Map.of(), 0.5, 1, 0.5, 0.1f, 1, 1);
    var heldOutNan = new io.netspec.runtime.train.EpochMetrics(1, 1, 1, java.util.Map.of(), 0.5, Double.NaN, 0.5,
        0.1f, 1, 1);
    assertTrue(finite.isFinite());
    assertFalse(heldOutNan.isFinite());
  }
}
