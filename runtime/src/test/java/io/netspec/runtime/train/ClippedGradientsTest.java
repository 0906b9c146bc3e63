package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/**
 * {@code --clip C} bounds every gradient element to {@code [-C, C]}: with learning rate 1, no weight decay and
 * a first step (the momentum buffer still zero), SGD moves a weight by minus the clipped gradient, whatever its
 * sign; Adam's moments are those of the clipped gradients.
 */
class ClippedGradientsTest {

  @Test
  void sgdClipsNegativeAndPositiveElements() {
    // one SGD step with lr 1 from zero momentum moves each weight by minus its (clipped) gradient
    float[] moved = oneStep(OptimizerChoice.SGD, 0.1f, new float[] {-5f, 5f, 0.05f, -0.05f});
    assertArrayEquals(new float[] {0.1f, -0.1f, -0.05f, 0.05f}, moved, 1e-6f);
  }

  @Test
  void withoutClippingTheGradientIsUsedAsItIs() {
    float[] moved = oneStep(OptimizerChoice.SGD, 0f, new float[] {-5f, 5f});
    assertArrayEquals(new float[] {5f, -5f}, moved, 1e-6f);
  }

  @Test
  void adamSeesTheClippedGradient() {
    // Adam (lr 1, betas 0.9 and 0.999, bias-corrected) on gradients -5 then +0.5. The first step moves the weight
    // by +1 whatever the gradient's size. Unclipped, the second step's moments are m = 0.9 * -0.5 + 0.1 * 0.5
    // = -0.4 and v = 0.999 * 0.025 + 0.001 * 0.25 = 0.025225; corrected, -0.4 / 0.19 = -2.105 and
    // 0.025225 / 0.001999 = 12.62: the weight moves by +2.105 / 3.552 = +0.593. Clipped to 0.5 (gradients -0.5,
    // +0.5): m = -0.045 + 0.05 = 0.005 and v = 0.00049975; corrected, 0.02632 and 0.25: it moves by -0.0526.
    assertArrayEquals(new float[] {1.593f}, twoSteps(OptimizerChoice.ADAM, 0f, -5f, 0.5f), 2e-3f);
    assertArrayEquals(new float[] {0.947f}, twoSteps(OptimizerChoice.ADAM, 0.5f, -5f, 0.5f), 2e-3f);
  }

  @Test
  void aClipOfZeroOrLessIsRefused() {
    Optimizer sgd = OptimizerChoice.SGD.create(Tracker.fixed(1f), 0f);
    assertThrows(IllegalArgumentException.class, () -> new ClippedGradients(sgd, 0f));
    assertThrows(IllegalArgumentException.class, () -> new ClippedGradients(sgd, Float.NaN));
  }

  private static float[] twoSteps(OptimizerChoice choice, float clip, float first, float second) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray weight = manager.zeros(new Shape(1));
      Optimizer optimizer = choice.create(Tracker.fixed(1f), 0f, clip);
      optimizer.update("w", weight, manager.create(new float[] {first}));
      optimizer.update("w", weight, manager.create(new float[] {second}));
      return weight.toFloatArray();
    }
  }

  private static float[] oneStep(OptimizerChoice choice, float clip, float[] gradient) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray weight = manager.zeros(new Shape(gradient.length));
      NDArray grad = manager.create(gradient);
      choice.create(Tracker.fixed(1f), 0f, clip).update("w", weight, grad);
      return weight.toFloatArray();
    }
  }
}
