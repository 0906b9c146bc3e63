package io.netspec.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The machine's limit the throughput cases are compared with, in its own process: one 3x3 convolution run
 * through the same libtorch that DJL runs the networks on, in FP32 and in BF16, inference without gradients.
 * Prints one JSON line: the shape, its multiply-adds, and per data type the median milliseconds and GFLOP/s
 * (2 FLOP per multiply-add).
 *
 * <p>The shape is GoogLeNet's heaviest row, the 3x3 convolution after the stem (torchvision's {@code conv3},
 * the table's "convolution 3x3" at 56x56: 64 to 192 channels, padding 1), at the 224x224 cases' batch of 16:
 * about a quarter of the network's multiply-adds, a size the convolution kernels run well, and the kind of
 * convolution the network spends its time in.
 *
 * <p>Usage: {@code CeilingCase WARMUP ITERATIONS [BATCH]}
 */
public final class CeilingCase {

  private static final int IN_CHANNELS = 64;
  private static final int OUT_CHANNELS = 192;
  private static final int SIDE = 56;
  private static final int KERNEL = 3;

  private CeilingCase() {}

  public static void main(String[] args) {
    int warmup = Integer.parseInt(args[0]);
    int iterations = Integer.parseInt(args[1]);
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    Engine engine = Engine.getInstance();
    engine.setRandomSeed(42);
    JniUtils.setGradMode(false);
    long macs = (long) batch * OUT_CHANNELS * SIDE * SIDE * IN_CHANNELS * KERNEL * KERNEL;
    StringBuilder types = new StringBuilder();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray input = manager.randomNormal(new Shape(batch, IN_CHANNELS, SIDE, SIDE));
      NDArray weight = manager.randomNormal(new Shape(OUT_CHANNELS, IN_CHANNELS, KERNEL, KERNEL)).mul(0.05f);
      for (DataType type : List.of(DataType.FLOAT32, DataType.BFLOAT16)) {
        double ms = medianMillis(manager, input.toType(type, false), weight.toType(type, false), warmup,
            iterations);
        types.append(types.length() == 0 ? "" : ",").append(String.format(Locale.ROOT,
            "\"%s\":{\"median_ms\":%.3f,\"gflops\":%.1f}", type == DataType.FLOAT32 ? "fp32" : "bf16", ms,
            2.0 * macs / (ms / 1000) / 1e9));
      }
    }
    System.out.printf(Locale.ROOT,
        "{\"case\":\"conv %dx%d, %d to %d channels, %dx%d, padding 1, batch %d\",\"macs\":%d,%s,"
            + "\"engine\":\"%s %s\",\"threads\":%d}%n",
        KERNEL, KERNEL, IN_CHANNELS, OUT_CHANNELS, SIDE, SIDE, batch, macs, types, engine.getEngineName(),
        engine.getVersion(), JniUtils.getNumThreads());
  }

  /** The median over {@code iterations} timed convolutions, after {@code warmup} untimed ones. */
  private static double medianMillis(NDManager manager, NDArray input, NDArray weight, int warmup,
      int iterations) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < warmup + iterations; i++) {
      try (NDManager step = manager.newSubManager()) {
        long start = System.nanoTime();
        NDList output = Conv2d.conv2d(input, weight, null, new Shape(1, 1), new Shape(1, 1));
        output.head().attach(step);
        if (output.head().getShape().get(1) != OUT_CHANNELS) {
          throw new IllegalStateException("unexpected output " + output.head().getShape());
        }
        if (i >= warmup) {
          millis.add((System.nanoTime() - start) / 1e6);
        }
      }
    }
    Collections.sort(millis);
    int n = millis.size();
    return n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2;
  }
}
