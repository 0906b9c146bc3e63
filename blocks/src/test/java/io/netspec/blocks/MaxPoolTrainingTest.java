package io.netspec.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code MaxPool}'s training path (on the CPU, the engine's max pool on a channels-last layout) against the
 * engine's {@code Pool.maxPool2d} on the plain layout: the same values and, after a backward pass of fixed
 * output gradients, the same input gradients, on input full of ties (small integers and zeros, as after a
 * ReLU), where a formulation that shared a window's gradient among equal maxima, or gave it to another of them,
 * would differ.
 */
class MaxPoolTrainingTest {

  /** A window, stride and padding (height then width) and the rounding. */
  private record PoolCase(Shape window, Shape stride, Shape padding, boolean ceil) {
    static PoolCase of(long window, long stride, long padding, boolean ceil) {
      return new PoolCase(new Shape(window, window), new Shape(stride, stride), new Shape(padding, padding), ceil);
    }
  }

  /** The Inception pool branch first, then other stride-1 windows, then two stride-2 ones. */
  private static final PoolCase[] POOLS = {
    PoolCase.of(3, 1, 1, false), PoolCase.of(3, 1, 0, false), PoolCase.of(2, 1, 1, true),
    PoolCase.of(5, 1, 2, false), new PoolCase(new Shape(3, 2), new Shape(1, 1), new Shape(1, 0), true),
    PoolCase.of(3, 2, 0, true), PoolCase.of(2, 2, 0, true),
  };

  private static final Shape INPUT = new Shape(2, 5, 9, 8);

  @Test
  void trainingPathGivesTheEnginesValuesAndGradients() {
    float[] a = new float[(int) INPUT.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.max(0, Math.round((float) Math.sin(i * 0.61) * 3)); // 0 to 3: many ties
    }
    for (PoolCase c : POOLS) {
      String name = c.toString();
      float[][] engine = pooledAndGradient(a, x -> Pool.maxPool2d(x, c.window(), c.stride(), c.padding(), c.ceil()));
      float[][] ours = pooledAndGradient(a, x -> MaxPool.maxPool(x, c.window(), c.stride(), c.padding(), c.ceil(), true));
      assertArrayEquals(engine[0], ours[0], 0f, name + ": values");
      assertArrayEquals(engine[1], ours[1], 0f, name + ": gradients");
      // each window's gradient went to one input, whole: the input gradients add up to the output ones
      double given = 0;
      for (float g : engine[2]) {
        given += g;
      }
      double received = 0;
      for (float g : ours[1]) {
        received += g;
      }
      assertEquals(given, received, 1e-3, name + ": gradient total");
    }
  }

  /** The pooled values, the input's gradient after backward of (pooled x weights), and the weights. */
  private static float[][] pooledAndGradient(float[] a, Function<NDArray, NDArray> pool) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(a, INPUT);
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray pooled = pool.apply(x);
        long size = pooled.getShape().size();
        float[] weights = new float[(int) size];
        for (int i = 0; i < weights.length; i++) {
          weights[i] = 1 + (i % 7) * 0.25f; // distinct enough that a misrouted gradient shows
        }
        NDArray w = manager.create(weights, pooled.getShape());
        collector.backward(pooled.mul(w).sum());
        return new float[][] {pooled.toFloatArray(), x.getGradient().toFloatArray(), weights};
      }
    }
  }
}
