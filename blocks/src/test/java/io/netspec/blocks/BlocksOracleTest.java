package io.netspec.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each block against an independent oracle: PyTorch's own operators ({@code conv2d}, {@code batch_norm},
 * {@code max_pool2d}, {@code local_response_norm}, {@code adaptive_avg_pool2d}, ...) run by Debian's
 * {@code /usr/bin/python3} (python3-torch) through {@code tools/oracle/blocks_oracle.py}, on the same fixed
 * inputs and parameters, which this test draws from a seeded generator and writes to files. The generated
 * networks and the interpreter compose these blocks, so comparing the two checks the composition, and this test
 * the arithmetic.
 *
 * <p>Tolerance: every element within 1e-5 of the largest magnitude of the expected output (absolute when that is
 * below 1): libtorch 2.7.1 under DJL and PyTorch 1.13 may sum in other orders.
 *
 * <p>Skipped, with the reason, where {@code /usr/bin/python3} with torch is missing; CI installs python3-torch.
 */
class BlocksOracleTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("../tools/oracle/blocks_oracle.py");
  private static final double TOLERANCE = 1e-5;

  private static NDManager manager;
  private static Path folder;
  private static final Map<String, float[]> JAVA_OUTPUTS = new LinkedHashMap<>();
  private static final Map<String, Shape> JAVA_SHAPES = new LinkedHashMap<>();

  /** One block on one input, and what the oracle needs to know of it. */
  private record Case(String name, Block block, Shape input, boolean training, String settings) {}

  static List<String> caseNames() {
    return cases().stream().map(Case::name).toList();
  }

  private static List<Case> cases() {
    return List.of(
        new Case("convolution_unit", conv().build(), new Shape(2, 4, 9, 9), false,
            "kind convolution_unit\nstride 2\npadding 1\neps 0.001\n"),
        new Case("convolution_unit_training", conv().build(), new Shape(2, 4, 9, 9), true,
            "kind convolution_unit\nstride 2\npadding 1\neps 0.001\n"),
        new Case("convolution_unit_plain", ConvolutionUnit.builder().setKernelShape(new Shape(5, 5))
            .setFilters(3).optBias(false).optRelu(false).build(), new Shape(1, 2, 7, 7), false,
            "kind convolution_unit\nstride 1\npadding 0\nrelu false\n"),
        new Case("inception", inception(), new Shape(2, 4, 7, 7), false,
            "kind inception\npatch5x5 5\neps 0.001\n"),
        new Case("inception_training", inception(), new Shape(2, 4, 7, 7), true,
            "kind inception\npatch5x5 5\neps 0.001\n"),
        new Case("lrn_odd", LocalResponseNorm.builder().optSize(5).optAlpha(0.5f).optBeta(0.75f).optK(2f).build(),
            new Shape(2, 7, 4, 4), false, "kind lrn\nsize 5\nalpha 0.5\nbeta 0.75\nk 2\n"),
        new Case("lrn_even", LocalResponseNorm.builder().optSize(4).optAlpha(0.3f).optBeta(0.6f).optK(1.5f).build(),
            new Shape(2, 6, 3, 5), true, "kind lrn\nsize 4\nalpha 0.3\nbeta 0.6\nk 1.5\n"),
        new Case("max_pool_ceil", maxPool(3, 2, 1, true), new Shape(2, 3, 8, 8), false,
            "kind max_pool\nkernel 3\nstride 2\npadding 1\nceil true\n"),
        new Case("max_pool_ceil_training", maxPool(3, 2, 1, true), new Shape(2, 3, 8, 8), true,
            "kind max_pool\nkernel 3\nstride 2\npadding 1\nceil true\n"),
        new Case("max_pool_partial_window", maxPool(3, 2, 0, true), new Shape(1, 2, 10, 6), false,
            "kind max_pool\nkernel 3\nstride 2\npadding 0\nceil true\n"),
        new Case("max_pool_floor", maxPool(2, 2, 0, false), new Shape(1, 2, 7, 7), false,
            "kind max_pool\nkernel 2\nstride 2\npadding 0\nceil false\n"),
        new Case("adaptive_avg_pool", AdaptiveAvgPool.builder().setOutputSize(3, 2).build(), new Shape(2, 3, 7, 5),
            false, "kind adaptive_avg_pool\nheight 3\nwidth 2\n"),
        new Case("aux_classifier", auxClassifier(), new Shape(2, 4, 14, 14), false,
            "kind aux_classifier\n"));
  }

  private static ConvolutionUnit.Builder conv() {
    return ConvolutionUnit.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
        .optPadding(new Shape(1, 1)).setFilters(5).optReduction(3).optBatchNorm(true).optBatchNormEpsilon(1e-3f);
  }

  private static InceptionModule inception() {
    return InceptionModule.builder().setBranch1x1(3).setBranch3x3(2, 4).setBranch5x5(2, 3).setPoolProjection(2)
        .optBatchNorm(true).optBatchNormEpsilon(1e-3f).build();
  }

  private static MaxPool maxPool(int kernel, int stride, int padding, boolean ceil) {
    return MaxPool.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
        .optPadding(new Shape(padding, padding)).optCeilMode(ceil).build();
  }

  private static AuxClassifier auxClassifier() {
    return AuxClassifier.builder()
        .setAttachedTo("mix")
        .add("pool", Pool.avgPool2dBlock(new Shape(5, 5), new Shape(3, 3), new Shape(0, 0), true, true))
        .add("conv", ConvolutionUnit.builder().setKernelShape(new Shape(1, 1)).setFilters(4).build())
        .add("fc1", new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(6).build())
            .add(Activation.reluBlock()))
        .add("fc2", new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(3).build()))
        .build();
  }

  @BeforeAll
  static void runTheOracle() throws IOException, InterruptedException {
    assumeTrue(torchAvailable(), "skipped: no /usr/bin/python3 with torch (Debian's python3-torch), the oracle");
    manager = NDManager.newBaseManager();
    folder = Files.createTempDirectory("blocks-oracle");
    Random random = new Random(20261130);
    for (Case c : cases()) {
      Path dir = Files.createDirectory(folder.resolve(c.name()));
      c.block().initialize(manager, DataType.FLOAT32, c.input());
      List<String> manifest = new ArrayList<>();
      for (Pair<String, Parameter> p : c.block().getParameters()) {
        NDArray array = p.getValue().getArray();
        // variances must be positive; everything else a standard normal draw
        boolean variance = p.getKey().endsWith("runningVar");
        float[] values = draw(random, array.getShape(), variance);
        array.set(FloatBuffer.wrap(values));
        write(dir, p.getKey(), array.getShape(), values, manifest);
      }
      float[] input = draw(random, c.input(), false);
      write(dir, "input", c.input(), input, manifest);
      Files.write(dir.resolve("manifest.txt"), manifest, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("case.txt"), c.settings() + "training " + c.training() + "\n");
      NDArray output = c.block().forward(new ParameterStore(manager, false),
          new NDList(manager.create(input, c.input())), c.training()).singletonOrThrow();
      JAVA_OUTPUTS.put(c.name(), output.toFloatArray());
      JAVA_SHAPES.put(c.name(), output.getShape());
    }
    Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), folder.toString())
        .redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the oracle finished");
    assertEquals(0, process.exitValue(), "the oracle failed:\n" + log);
  }

  @AfterAll
  static void close() throws IOException {
    if (manager != null) {
      manager.close();
    }
    if (folder != null) {
      try (var files = Files.walk(folder)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("caseNames")
  void blockComputesWhatPyTorchsOperatorsCompute(String name) throws IOException {
    Path dir = folder.resolve(name);
    long[] dims = Arrays.stream(Files.readString(dir.resolve("out.shape")).trim().split(" "))
        .mapToLong(Long::parseLong).toArray();
    assertEquals(new Shape(dims), JAVA_SHAPES.get(name), "output shape");
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("out.bin"))).order(ByteOrder.LITTLE_ENDIAN);
    float[] expected = new float[bytes.remaining() / Float.BYTES];
    bytes.asFloatBuffer().get(expected);
    float[] actual = JAVA_OUTPUTS.get(name);
    assertEquals(expected.length, actual.length, "output size");
    double scale = 0;
    for (float value : expected) {
      scale = Math.max(scale, Math.abs(value));
    }
    assertTrue(scale > 0, "the expected output is not all zero");
    double bound = TOLERANCE * Math.max(1, scale);
    for (int i = 0; i < expected.length; i++) {
      if (!(Math.abs(expected[i] - actual[i]) <= bound)) {
        fail(name + ": element " + i + " is " + actual[i] + ", PyTorch gives " + expected[i] + " (bound " + bound
            + ")");
      }
    }
  }

  private static float[] draw(Random random, Shape shape, boolean positive) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      double value = random.nextGaussian();
      values[i] = (float) (positive ? 0.5 + Math.abs(value) : value);
    }
    return values;
  }

  private static void write(Path dir, String name, Shape shape, float[] values, List<String> manifest)
      throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    Files.write(dir.resolve(name + ".bin"), bytes.array());
    StringBuilder line = new StringBuilder(name);
    for (long d : shape.getShape()) {
      line.append(' ').append(d);
    }
    manifest.add(line.toString());
  }

  private static boolean torchAvailable() {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, numpy")
          .redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
