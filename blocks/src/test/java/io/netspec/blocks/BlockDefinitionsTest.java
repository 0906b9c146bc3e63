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
