package io.netspec.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The machine's limit the throughput cases are compared with, in its own process: one 3x3 convolution run
 * through the same libtorch that DJL runs the networks on, in FP32 and in BF16, inference without gradients.
 * Prints one JSON line: the shape, its multiply-adds, and per data type the median milliseconds and GFLOP/s
 * (2 FLOP per multiply-add), and the largest difference of the BF16 output from the FP32 one, relative to the
 * largest FP32 value (a check that the BF16 convolution computes the same thing).
 *
 * <p>DJL 0.36 cannot cast to bfloat16 ({@code DataType.BFLOAT16} aborts the JVM): the casts, outside the timing,
 * are TorchScript modules that {@code bench/python/ceiling_modules.py} writes ({@code to_bfloat16.pt},
 * {@code to_float32.pt}); the convolution timed is DJL's {@code Conv2d.conv2d} in both data types.
 *
 * <p>The shape is GoogLeNet's heaviest row, the 3x3 convolution after the stem (torchvision's {@code conv3},
 * the table's "convolution 3x3" at 56x56: 64 to 192 channels, padding 1), at the 224x224 cases' batch of 16:
 * about a quarter of the network's multiply-adds, a size the convolution kernels run well, and the kind of
 * convolution the network spends its time in.
 *
 * <p>Usage: {@code CeilingCase CASTS_FOLDER WARMUP ITERATIONS [BATCH]}
 */
public final class CeilingCase {

  private static final int IN_CHANNELS = 64;
  private static final int OUT_CHANNELS = 192;
  private static final int SIDE = 56;
  private static final int KERNEL = 3;

  private CeilingCase() {}

  public static void main(String[] args) throws IOException {
    Path casts = Path.of(args[0]);
    int warmup = Integer.parseInt(args[1]);
    int iterations = Integer.parseInt(args[2]);
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    Engine engine = Engine.getInstance();
    engine.setRandomSeed(42);
    JniUtils.setGradMode(false);
    long macs = (long) batch * OUT_CHANNELS * SIDE * SIDE * IN_CHANNELS * KERNEL * KERNEL;
    StringBuilder types = new StringBuilder();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray input = manager.randomNormal(new Shape(batch, IN_CHANNELS, SIDE, SIDE));
      NDArray weight = manager.randomNormal(new Shape(OUT_CHANNELS, IN_CHANNELS, KERNEL, KERNEL)).mul(manager.create(0.05f));
      PtSymbolBlock toBFloat16 = module(manager, casts.resolve("to_bfloat16.pt"));
      PtSymbolBlock toFloat32 = module(manager, casts.resolve("to_float32.pt"));
      double fp32 = medianMillis(input, weight, warmup, iterations);
      double bf16 = medianMillis(cast(toBFloat16, input), cast(toBFloat16, weight), warmup, iterations);
      NDArray exact = convolution(input, weight);
      NDArray approximate = cast(toFloat32, convolution(cast(toBFloat16, input), cast(toBFloat16, weight)));
      double error = approximate.sub(exact).abs().max().getFloat() / exact.abs().max().getFloat();
      types.append(String.format(Locale.ROOT, "\"fp32\":{\"median_ms\":%.3f,\"gflops\":%.1f},"
          + "\"bf16\":{\"median_ms\":%.3f,\"gflops\":%.1f,\"max_relative_difference\":%.2g}", fp32,
          2.0 * macs / (fp32 / 1000) / 1e9, bf16, 2.0 * macs / (bf16 / 1000) / 1e9, error));
    }
    System.out.printf(Locale.ROOT,
        "{\"case\":\"conv %dx%d, %d to %d channels, %dx%d, padding 1, batch %d\",\"macs\":%d,%s,"
            + "\"engine\":\"%s %s\",\"threads\":%d}%n",
        KERNEL, KERNEL, IN_CHANNELS, OUT_CHANNELS, SIDE, SIDE, batch, macs, types, engine.getEngineName(),
        engine.getVersion(), JniUtils.getNumThreads());
  }

  private static PtSymbolBlock module(NDManager manager, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return JniUtils.loadModule((PtNDManager) manager, in, false, false);
    }
  }

  private static NDArray cast(PtSymbolBlock module, NDArray x) {
    return IValueUtils.forward(module, new NDList(x), false).singletonOrThrow();
  }

  private static NDArray convolution(NDArray input, NDArray weight) {
    return Conv2d.conv2d(input, weight, null, new Shape(1, 1), new Shape(1, 1)).head();
  }

  /** The median over {@code iterations} timed convolutions, after {@code warmup} untimed ones. */
  private static double medianMillis(NDArray input, NDArray weight, int warmup, int iterations) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < warmup + iterations; i++) {
      long start = System.nanoTime();
      NDArray output = convolution(input, weight);
      long end = System.nanoTime();
      if (output.getShape().get(1) != OUT_CHANNELS) {
        throw new IllegalStateException("unexpected output " + output.getShape());
      }
      output.close();
      if (i >= warmup) {
        millis.add((end - start) / 1e6);
      }
    }
    return MaxPoolCase.median(millis);
  }
}
