package io.netspec.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Checks the blocks that DJL lacks against their definitions, computed here element by element:
 * {@code LocalResponseNorm} as PyTorch's (with an even size, whose window is lopsided),
 * {@code AdaptiveAvgPool} with PyTorch's overlapping windows, and {@code MaxPool}, whose inference path
 * takes maxima of shifted views instead of calling the engine's max pool.
 */
class BlockDefinitionsTest {

  private static final int CHANNELS = 6;
  private static final int SIZE = 7;
  private static final int LRN_SIZE = 4;
  private static final float ALPHA = 0.5f;
  private static final float BETA = 0.75f;
  private static final float K = 2f;

  private static Block lrn() {
    return LocalResponseNorm.builder().optSize(LRN_SIZE).optAlpha(ALPHA).optBeta(BETA).optK(K).build();
  }

  private static Block adaptivePool() {
    return AdaptiveAvgPool.builder().setOutputSize(3, 3).build();
  }

  @Test
  void localResponseNormMatchesPyTorchs() {
    Block lrn = lrn();
    float[] out = run(lrn, input(), new Shape(1, CHANNELS, SIZE, SIZE));
    float[] a = input();
    float[] expected = new float[a.length];
    for (int c = 0; c < CHANNELS; c++) {
      for (int p = 0; p < SIZE * SIZE; p++) {
        double sum = 0;
        // PyTorch pads size / 2 channels before and (size - 1) / 2 after
        for (int n = c - LRN_SIZE / 2; n <= c + (LRN_SIZE - 1) / 2; n++) {
          if (n >= 0 && n < CHANNELS) {
            sum += a[n * SIZE * SIZE + p] * a[n * SIZE * SIZE + p];
          }
        }
        int i = c * SIZE * SIZE + p;
        expected[i] = (float) (a[i] / Math.pow(K + ALPHA / LRN_SIZE * sum, BETA));
      }
    }
    assertArrayEquals(expected, out, 1e-5f);
  }

  /**
   * The input gradient of {@code sum(w * lrn(x))} against the derivative worked out by hand, in double precision:
   * {@code w[i] d[i]^-beta + sum over the c whose window holds i of w[c] x[c] (-beta) d[c]^(-beta-1) alpha / size
   * 2 x[i]}, with an odd and an even window, in training mode.
   */
  @Test
  void localResponseNormGradientIsTheDerivative() {
    for (int window : new int[] {5, 4}) {
      int channels = 9;
      int positions = 6;
      float alpha = 0.7f;
      float beta = 0.75f;
      float k = 1.5f;
      float[] x = new float[2 * channels * positions];
      float[] w = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) Math.sin(i * 0.61) * 2;
        w[i] = (float) Math.cos(i * 0.23);
      }
      Block lrn = LocalResponseNorm.builder().optSize(window).optAlpha(alpha).optBeta(beta).optK(k).build();
      float[] gradient;
      try (NDManager manager = NDManager.newBaseManager()) {
        Shape shape = new Shape(2, channels, 2, 3);
        lrn.initialize(manager, DataType.FLOAT32, shape);
        NDArray input = manager.create(x, shape);
        input.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray out = lrn.forward(new ParameterStore(manager, false), new NDList(input), true).singletonOrThrow();
          collector.backward(out.mul(manager.create(w, shape)).sum());
        }
        gradient = input.getGradient().toFloatArray();
      }
      for (int n = 0; n < 2; n++) {
        for (int p = 0; p < positions; p++) {
          double[] d = new double[channels];
          for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int j = c - window / 2; j <= c + (window - 1) / 2; j++) {
              if (j >= 0 && j < channels) {
                double v = x[(n * channels + j) * positions + p];
                sum += v * v;
              }
            }
            d[c] = k + alpha / window * sum;
          }
          for (int i = 0; i < channels; i++) {
            int at = (n * channels + i) * positions + p;
            double expected = w[at] * Math.pow(d[i], -beta);
            for (int c = i - (window - 1) / 2; c <= i + window / 2; c++) {
              if (c >= 0 && c < channels) {
                int cAt = (n * channels + c) * positions + p;
                expected += w[cAt] * x[cAt] * -beta * Math.pow(d[c], -beta - 1) * alpha / window * 2 * x[at];
              }
            }
            assertEquals(expected, gradient[at], 1e-5, "size " + window + ", image " + n + ", channel " + i + ", position " + p);
          }
        }
      }
    }
  }

  @Test
  void adaptiveAvgPoolUsesPyTorchsWindows() {
    Block pool = adaptivePool();
    float[] a = input();
    float[] out = run(pool, a, new Shape(1, CHANNELS, SIZE, SIZE));
    int[][] windows = {{0, 3}, {2, 5}, {4, 7}}; // floor(i * 7 / 3) to ceil((i + 1) * 7 / 3)
    assertEquals(CHANNELS * 9, out.length);
    for (int c = 0; c < CHANNELS; c++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          double sum = 0;
          int count = 0;
          for (int h = windows[i][0]; h < windows[i][1]; h++) {
            for (int w = windows[j][0]; w < windows[j][1]; w++) {
              sum += a[(c * SIZE + h) * SIZE + w];
              count++;
            }
          }
          assertEquals(sum / count, out[(c * 3 + i) * 3 + j], 1e-5, "cell " + c + "," + i + "," + j);
        }
      }
    }
  }

  /** Window, stride, padding (height then width) and ceil mode of each case: square and not, partial windows. */
  private static final long[][] MAX_POOLS = {
    {3, 3, 1, 1, 1, 1, 0}, {3, 3, 2, 2, 0, 0, 1}, {3, 3, 2, 2, 0, 0, 0}, {3, 3, 2, 2, 1, 1, 1},
    {2, 2, 2, 2, 0, 0, 1}, {3, 2, 2, 1, 1, 0, 1}, {5, 3, 3, 2, 2, 1, 0}, {1, 1, 1, 1, 0, 0, 0},
  };

  @Test
  void maxPoolGivesTheEnginesValuesInBothModes() {
    int height = SIZE;
    int width = SIZE + 1;
    float[] a = new float[CHANNELS * height * width];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) Math.sin(i * 0.37) * 3;
    }
    for (long[] c : MAX_POOLS) {
      String name = c[0] + "x" + c[1] + "/" + c[2] + "x" + c[3] + " pad " + c[4] + "x" + c[5] + (c[6] == 1 ? " ceil" : "");
      Shape window = new Shape(c[0], c[1]);
      Shape stride = new Shape(c[2], c[3]);
      Shape padding = new Shape(c[4], c[5]);
      boolean ceil = c[6] == 1;
      try (NDManager manager = NDManager.newBaseManager()) {
        NDArray x = manager.create(a, new Shape(1, CHANNELS, height, width));
        NDArray engine = Pool.maxPool2d(x, window, stride, padding, ceil);
        for (boolean training : new boolean[] {false, true}) {
          NDArray ours = MaxPool.maxPool(x, window, stride, padding, ceil, training);
          assertEquals(engine.getShape(), ours.getShape(), name);
          assertArrayEquals(engine.toFloatArray(), ours.toFloatArray(), 0f, name + (training ? " training" : ""));
        }
        // and the definition, cell by cell: the maximum over the window clipped to the input
        float[] pooled = engine.toFloatArray();
        long outH = engine.getShape().get(2);
        long outW = engine.getShape().get(3);
        for (int ch = 0; ch < CHANNELS; ch++) {
          for (long i = 0; i < outH; i++) {
            for (long j = 0; j < outW; j++) {
              float max = Float.NEGATIVE_INFINITY;
              for (long h = i * c[2] - c[4]; h < i * c[2] - c[4] + c[0]; h++) {
                for (long w = j * c[3] - c[5]; w < j * c[3] - c[5] + c[1]; w++) {
                  if (h >= 0 && h < height && w >= 0 && w < width) {
                    max = Math.max(max, a[(int) ((ch * height + h) * width + w)]);
                  }
                }
              }
              assertEquals(max, pooled[(int) ((ch * outH + i) * outW + j)], 0f, name + " cell " + i + "," + j);
            }
          }
        }
      }
    }
  }

  /**
   * The blocks' gradients do not change when garbage collections run between forward and backward: DJL 0.36
   * frees the Java memory behind a {@code mul(Number)} scalar or a {@code create(float[])} array while the
   * backward pass may still read it, so the blocks keep such values in engine memory. Checked by
   * repeating forward, collection and backward, and comparing every input gradient with the first one, taken
   * without a collection in between.
   */
  @Test
  void gradientsDoNotChangeWhenGarbageIsCollectedBeforeBackward() {
    for (String row : new String[] {"norm", "pool"}) {
      Block block = row.equals("norm") ? lrn() : adaptivePool();
      float[] first = gradient(block, false);
      for (int trial = 0; trial < 15; trial++) {
        assertArrayEquals(first, gradient(block, true), 0f, row + ", trial " + trial);
      }
    }
  }

  private static float[] gradient(Block block, boolean collectGarbage) {
    Shape shape = new Shape(1, CHANNELS, SIZE, SIZE);
    try (NDManager manager = NDManager.newBaseManager()) {
      block.initialize(manager, DataType.FLOAT32, shape);
      NDArray x = manager.create(input(), shape);
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
        // weight each output differently, so that a gradient scaled wrongly anywhere shows
        NDArray weights = manager.arange((float) out.size()).reshape(out.getShape()).duplicate();
        NDArray objective = out.mul(weights).sum();
        if (collectGarbage) {
          System.gc();
          for (int i = 0; i < 256; i++) {
            ByteBuffer.allocateDirect(64).putFloat(0, 1000f); // reuse what was freed
          }
        }
        collector.backward(objective);
      }
      return x.getGradient().toFloatArray();
    }
  }

  private static float[] input() {
    float[] values = new float[CHANNELS * SIZE * SIZE];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) Math.sin(i * 0.37) * 3; // deterministic, both signs, some large
    }
    return values;
  }

  private static float[] run(Block block, float[] values, Shape shape) {
    try (NDManager manager = NDManager.newBaseManager()) {
      block.initialize(manager, DataType.FLOAT32, shape);
      NDArray x = manager.create(values, shape);
      NDList out = block.forward(new ParameterStore(manager, false), new NDList(x), false);
      return out.singletonOrThrow().toFloatArray();
    }
  }
}
