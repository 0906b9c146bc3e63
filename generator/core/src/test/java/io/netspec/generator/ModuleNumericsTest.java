package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the generated blocks that DJL lacks against their definitions, computed here element by element:
 * {@code LocalResponseNorm} as PyTorch's (with an even size, whose window is lopsided) and
 * {@code AdaptiveAvgPool} with PyTorch's overlapping windows.
 */
class ModuleNumericsTest {

  private static final int CHANNELS = 6;
  private static final int SIZE = 7;
  private static final int LRN_SIZE = 4;
  private static final float ALPHA = 0.5f;
  private static final float BETA = 0.75f;
  private static final float K = 2f;

  private static Block network;

  @BeforeAll
  static void generate(@TempDir Path folder) throws IOException {
    String yaml = """
        description: the blocks that DJL lacks
        input: 7x7x6
        classes: 3
        layers:
          - {name: norm, type: lrn, size: 4, alpha: 0.5, beta: 0.75, k: 2}
          - {name: pool, type: adaptive_avg_pool, output: 3x3}
          - {name: fc, type: linear, units: classes}
        auxiliary_classifiers: []
        """;
    network = GeneratedNetworks.compile(TempSpecs.analyze(folder, "modules.yaml", yaml)).build();
  }

  @Test
  void localResponseNormMatchesPyTorchs() {
    Block lrn = (Block) GeneratedNetworks.call(network, "norm");
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
    Block pool = (Block) GeneratedNetworks.call(network, "pool");
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
