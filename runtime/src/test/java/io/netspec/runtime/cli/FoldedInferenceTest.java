package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.netspec.runtime.data.EmbeddedSample;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.data.Split;
import io.netspec.runtime.eval.TrainedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained run's network with its batch normalisation folded into the convolutions, as {@code eval},
 * {@code predict} load it: the same logits within 1e-4 (absolute) as the unfolded network, on a run whose
 * running statistics moved away from their (0, 1) start in training; training refused once folded; and
 * {@code eval} with and without {@code --no-fold} scoring alike.
 */
class FoldedInferenceTest {

  @TempDir
  static Path work;

  private static Path run;

  @BeforeAll
  static void train() {
    CliRun train = CliRun.of("train", "--limit", "200", "--epochs", "1", "--batch-size", "32", "--device", "cpu",
        "--output", work.resolve("runs").toString());
    assertEquals(0, train.code(), train.err());
    run = work.resolve("runs/train-1");
  }

  @Test
  void foldedLogitsEqualUnfoldedOnes() throws Exception {
    LabeledImages images = new EmbeddedSample().load(Split.TEST).limit(48);
    try (TrainedRun trained = TrainedRun.open(run, "best");
        NDManager manager = NDManager.newBaseManager()) {
      double moved = 0;
      for (Pair<String, Parameter> parameter : trained.network().block().getParameters()) {
        if (parameter.getKey().endsWith("runningVar")) {
          for (float v : parameter.getValue().getArray().toFloatArray()) {
            moved = Math.max(moved, Math.abs(v - 1));
          }
        }
      }
      assertTrue(moved > 0.05, "the running variances moved in training: " + moved);
      float[] unfolded = trained.logits(manager, images, 0, images.count()).toFloatArray();
      assertTrue(trained.foldBatchNorm(), "the generated network is a NetworkBlock");
      float[] folded = trained.logits(manager, images, 0, images.count()).toFloatArray();
      double largest = 0;
      double difference = 0;
      for (int i = 0; i < unfolded.length; i++) {
        difference = Math.max(difference, Math.abs(unfolded[i] - folded[i]));
        largest = Math.max(largest, Math.abs(unfolded[i]));
      }
      assertTrue(difference <= 1e-4, "max abs difference " + difference);
      assertTrue(largest > 0.1, "logits of some size: " + largest);
      System.out.printf("folded vs unfolded logits: max abs difference %.3g (largest logit %.3g)%n", difference,
          largest);
    }
  }

  @Test
  void aFoldedRunRefusesTraining() throws Exception {
    try (TrainedRun trained = TrainedRun.open(run, "best");
        NDManager manager = NDManager.newBaseManager()) {
      trained.foldBatchNorm();
      NDList input = new NDList(manager.zeros(new Shape(2).addAll(trained.network().type().inputShape())));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> trained.network().block().forward(new ParameterStore(manager, false), input, true));
      assertTrue(e.getMessage().contains("cannot be trained"), e.getMessage());
    }
  }

  @Test
  void evalScoresAlikeWithAndWithoutFolding() throws Exception {
    CliRun folded = CliRun.of("eval", run.toString(), "--limit", "100", "-o", work.resolve("folded.json").toString());
    CliRun unfolded = CliRun.of("eval", run.toString(), "--limit", "100", "--no-fold",
        "-o", work.resolve("unfolded.json").toString());
    assertEquals(0, folded.code(), folded.err());
    assertEquals(0, unfolded.code(), unfolded.err());
    assertEquals(Files.readString(work.resolve("unfolded.json")), Files.readString(work.resolve("folded.json")));
  }
}
