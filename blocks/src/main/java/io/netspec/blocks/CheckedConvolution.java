package io.netspec.blocks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 2-D convolution of the blocks (stride, padding, no dilation, one group), checked on the CPU before it is
 * trusted. On the CPU a configuration runs the first of three ways that computes it right on this processor:
 * <ol>
 *   <li>{@link Way#CHANNELS_LAST}: the engine's convolution on the input and weight laid out channels-last (the
 *       values of a pixel's channels side by side, NHWC in memory, NCHW in shape). The output stays laid out so,
 *       and what follows it keeps the layout: batch normalisation, ReLU, max pooling and concatenation all have
 *       channels-last CPU kernels in libtorch 2.7.1, and the plain max-pool kernel was the slowest part of a
 *       training step. DJL has no memory-format argument, so this way is a one-line TorchScript module (as
 *       {@link EngineCasts} loads its casts), which also makes the layout's copy of the input part of autograd.
 *   <li>{@link Way#PLAIN}: the engine's convolution on the plain (NCHW) layout, as DJL's {@code Conv2d} runs it
 *       (first for a 1x1 convolution with a stride above 1, whose channels-last backward pass could crash: see
 *       {@link #candidates}).
 *   <li>{@link Way#IM2COL}: libtorch's im2col convolution ({@code aten::thnn_conv2d}: the input unfolded into
 *       columns, then one matrix product), in FP32: the same values the slow way.
 * </ol>
 *
 * <p>Why checked: on an AMD Zen 5 virtual machine (1 Dec 2026), the oneDNN 3.7.1 inside DJL's libtorch 2.7.1
 * returned wrong outputs (off by 10-50% of their range, sometimes NaN) for plain-layout 3x3 and 5x5 convolutions
 * whose input channels were above 16 and not a multiple of 16 (googlenet-torchvision's 24-channel "5x5"
 * branches), and wrong input gradients whose output channels were not a multiple of 16 (googlenet-fashion's 8-
 * and 12-filter branches), with every instruction-set limit down to AVX2; training diverged within ten steps.
 * The blocked layouts oneDNN turns plain arrays into pad the channels to a multiple of 16; the channels-last
 * layout pads nothing, and its convolutions came out right there, except the bfloat16 input gradient of a
 * one-channel 3x3 convolution. Debian's PyTorch 1.13 got them all right, and the same libtorch passed these tests
 * on other machines. Which configurations fail depends on the processor, so each one is probed where it first
 * runs: a way's forward pass (and, in training, its weight and input gradients) on a batch of 2 at the
 * configuration's own channels, kernel, stride, padding, size and data type, against the im2col convolution in
 * FP32 on the same values. A relative difference above {@value #FP32_TOLERANCE} (FP32) or {@value
 * #BF16_TOLERANCE} (bfloat16, which keeps 8 significant bits), or any non-finite value, rules the way out. The
 * verdicts last as long as the JVM. GPUs and other engines run the engine's convolution unchecked, as DJL calls
 * it.
 *
 * <p>The first configuration found wrong is logged as one warning line; the others at debug level.
 */
final class CheckedConvolution {

  static final double FP32_TOLERANCE = 1e-3;
  static final double BF16_TOLERANCE = 3e-2;

  /** Engine runs per probe, each after {@link #soil}: a wrong result may depend on what the memory held. */
  private static final int PROBE_ROUNDS = 3;

  /** {@code torch.channels_last} as TorchScript archives write a memory format: its number. */
  private static final int TORCH_CHANNELS_LAST = 2;

  private static final Logger LOG = LoggerFactory.getLogger(CheckedConvolution.class);

  /** A configuration the engine may run right or wrong. */
  private record Configuration(long inChannels, long outChannels, Shape kernel, Shape stride, Shape padding,
      long height, long width, DataType type, boolean bias, boolean gradients) {}

  /** The ways a configuration can run on the CPU, in the order they are tried. */
  enum Way {
    /** The engine's convolution on the input and weight laid out channels-last; the output stays so. */
    CHANNELS_LAST("the engine's channels-last convolution"),
    /** The engine's convolution on the plain (NCHW) layout. */
    PLAIN("the engine's plain-layout convolution"),
    /** libtorch's im2col convolution in FP32. */
    IM2COL("the im2col convolution");

    private final String description;

    Way(String description) {
      this.description = description;
    }
  }

  /** The way each configuration runs, once probed. */
  private static final Map<Configuration, Way> WAYS = new ConcurrentHashMap<>();

  /** The one-line TorchScript convolution modules of the three ways, by name (way, kernel, stride, padding, bias). */
  private static final Map<String, PtSymbolBlock> MODULES = new ConcurrentHashMap<>();

  /** Whether the one warning line has been logged. */
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private CheckedConvolution() {}

  /**
   * {@code input} convolved with {@code weight} (and {@code bias}) as DJL's {@code Conv2d.conv2d} does, dilation
   * 1 and one group.
   *
   * @param input the {@code (N, C, H, W)} input
   * @param weight the {@code (F, C, kh, kw)} weight, in the input's data type
   * @param bias the {@code (F)} bias, or null
   * @param stride the stride
   * @param padding the padding on each side
   * @param training whether gradients will flow back through the result
   * @return the {@code (N, F, H', W')} output
   */
  static NDArray conv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding,
      boolean training) {
    DataType type = checkedType(input);
    if (type == null) {
      return engine(input, weight, bias, stride, padding);
    }
    Shape in = input.getShape();
    Shape w = weight.getShape();
    Configuration configuration = new Configuration(in.get(1), w.get(0), w.slice(2), stride, padding, in.get(2),
        in.get(3), type, bias != null, training);
    return switch (WAYS.computeIfAbsent(configuration, CheckedConvolution::probe)) {
      case CHANNELS_LAST -> laidOut(true, input, weight, bias, stride, padding, training);
      case PLAIN -> laidOut(false, input, weight, bias, stride, padding, training);
      case IM2COL -> im2colInFloat32(input, weight, bias, stride, padding, training);
    };
  }

  /**
   * The way a configuration was found to run right, or null if it was not probed. For tests.
   */
  static Way verdict(long inChannels, long outChannels, Shape kernel, Shape stride, Shape padding,
      long height, long width, DataType type, boolean bias, boolean gradients) {
    return WAYS.get(new Configuration(inChannels, outChannels, kernel, stride, padding, height, width,
        type, bias, gradients));
  }

  /**
   * The type a convolution of {@code input} is checked in: FP32, or bfloat16 for the arrays DJL shows as
   * {@code UNKNOWN} (the blocks compute in no other); null for what is not checked: another engine's arrays, a
   * GPU's, other types.
   */
  private static DataType checkedType(NDArray input) {
    if (!(input instanceof PtNDArray) || !Device.Type.CPU.equals(input.getDevice().getDeviceType())) {
      return null;
    }
    return switch (input.getDataType()) {
      case FLOAT32 -> DataType.FLOAT32;
      case UNKNOWN -> DataType.BFLOAT16;
      default -> null;
    };
  }

  private static NDArray engine(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
    return Conv2d.conv2d(input, weight, bias, stride, padding, new Shape(1, 1), 1).singletonOrThrow();
  }

  /**
   * The engine's convolution with the input and weight laid out channels-last (the output stays laid out so), or
   * plain: each made so by {@code torch.contiguous}, which copies only what is laid out otherwise.
   */
  static NDArray laidOut(boolean channelsLast, NDArray input, NDArray weight, NDArray bias, Shape stride,
      Shape padding, boolean training) {
    String layout = channelsLast ? ", memory_format=" + TORCH_CHANNELS_LAST : "";
    return throughModule(channelsLast ? "ChannelsLastConvolution" : "PlainConvolution", input, weight, bias,
        stride, padding, training, b -> "torch.conv2d(torch.contiguous(x" + layout + "), torch.contiguous(w"
            + layout + "), " + b + ", " + list(stride) + ", " + list(padding) + ")");
  }

  /** The im2col convolution, in FP32; bfloat16 operands are cast to FP32 and the result back. */
  static NDArray im2colInFloat32(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding,
      boolean training) {
    if (input.getDataType() == DataType.FLOAT32) {
      return im2col(input, weight, bias, stride, padding, training);
    }
    try (NDManager casts = input.getManager().newSubManager()) {
      NDArray x = EngineCasts.toFloat32(input, training);
      NDArray w = EngineCasts.toFloat32(weight, training);
      NDArray b = bias == null ? null : EngineCasts.toFloat32(bias, training);
      for (NDArray made : b == null ? new NDArray[] {x, w} : new NDArray[] {x, w, b}) {
        made.attach(casts);
      }
      NDArray wide = im2col(x, w, b, stride, padding, training);
      NDArray result = EngineCasts.typeAs(wide, input, training);
      result.attach(input.getManager());
      return result;
    }
  }

  private static NDArray im2col(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding,
      boolean training) {
    Shape kernel = weight.getShape().slice(2);
    return throughModule("Im2colConvolution_" + kernel.get(0) + "x" + kernel.get(1), input, weight, bias, stride,
        padding, training, b -> "ops.aten.thnn_conv2d(x, w, " + list(kernel) + ", " + b + ", " + list(stride) + ", "
            + list(padding) + ")");
  }

  /**
   * Runs the one-line TorchScript module of a way's convolution on {@code x}, {@code w} (and {@code b}), loaded
   * through {@link EngineCasts#load} the first time its name is asked for.
   *
   * @param way the way's part of the module name (with the kernel, where the expression names it)
   * @param expression the module's expression over {@code x} and {@code w}, given what stands for the bias:
   *     {@code b} or {@code None}
   */
  private static NDArray throughModule(String way, NDArray input, NDArray weight, NDArray bias, Shape stride,
      Shape padding, boolean training, UnaryOperator<String> expression) {
    String name = way + "_s" + stride.get(0) + "x" + stride.get(1) + "_p" + padding.get(0) + "x" + padding.get(1)
        + (bias == null ? "" : "_bias");
    PtSymbolBlock module = MODULES.computeIfAbsent(name, key -> EngineCasts.load(key,
        bias == null ? "x: Tensor, w: Tensor" : "x: Tensor, w: Tensor, b: Tensor",
        expression.apply(bias == null ? "None" : "b")));
    NDList operands = bias == null ? new NDList(input, weight) : new NDList(input, weight, bias);
    return IValueUtils.forward(module, operands, training).singletonOrThrow();
  }

  private static String list(Shape shape) {
    return "[" + shape.get(0) + ", " + shape.get(1) + "]";
  }

  /**
   * Runs a configuration the engine's ways (see {@link #candidates}) and the im2col way on a batch of 2 (fixed
   * pseudo-random values) and returns the first engine way whose output and, for a configuration that trains,
   * gradients of the weight and of the input for a random output gradient match the im2col way's; the im2col way
   * if none does.
   * The input gradient is checked even where the network needs none (its first convolution): leaving it out let
   * a wrong bfloat16 step through in {@code MixedPrecisionTest}.
   */
  private static Way probe(Configuration c) {
    boolean gradMode = JniUtils.isGradMode();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      JniUtils.setGradMode(c.gradients());
      Shape inputShape = new Shape(2, c.inChannels(), c.height(), c.width());
      Shape weightShape = new Shape(c.outChannels(), c.inChannels(), c.kernel().get(0), c.kernel().get(1));
      // values of the compute type, held in FP32 for the reference: rounded through it once
      Random random = new Random(1);
      NDArray x32 = rounded(normal(manager, inputShape, 1, random), c.type());
      double scale = Math.sqrt(1.0 / weightShape.slice(1).size()); // unit-size outputs
      NDArray w32 = rounded(normal(manager, weightShape, scale, random), c.type());
      NDArray b32 = c.bias() ? rounded(normal(manager, new Shape(c.outChannels()), 1, random), c.type()) : null;
      NDArray outputGradient =
          c.gradients() ? rounded(normal(manager, outputShape(c), 1, random), c.type()) : null;
      NDArray[] reference = run(x32, w32, b32, outputGradient, c, Way.IM2COL);
      List<String> findings = new ArrayList<>();
      for (Way way : candidates(c)) {
        String finding = wrongness(manager, x32, w32, b32, outputGradient, reference, c, way);
        if (finding == null) {
          report(findings, way);
          return way;
        }
        findings.add(finding);
      }
      report(findings, Way.IM2COL);
      return Way.IM2COL;
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /**
   * The engine's ways a configuration may run, in the order they are tried: channels-last first, except for a
   * 1x1 convolution with a stride above 1. That one's channels-last backward pass corrupted the native heap
   * (glibc aborted with "malloc(): corrupted top size" and the like, the JVM with it) for inputs of 3, 5 and 8
   * channels at stride 2 (Zen 5 machine, libtorch 2.7.1, 1 Dec 2026, found by {@code GeneratedCodeFuzzTest});
   * a crash is not a value a probe can compare, so it is not tried. No network of {@code specs/} has one.
   */
  private static Way[] candidates(Configuration c) {
    boolean stridedPointwise = c.kernel().size() == 1 && c.stride().size() > 1;
    return stridedPointwise ? new Way[] {Way.PLAIN} : new Way[] {Way.CHANNELS_LAST, Way.PLAIN};
  }

  /**
   * What {@code way} computes wrong for a configuration, in {@value #PROBE_ROUNDS} runs each after
   * {@link #soil}: null if nothing.
   */
  private static String wrongness(NDManager manager, NDArray x32, NDArray w32, NDArray b32,
      NDArray outputGradient, NDArray[] reference, Configuration c, Way way) {
    double tolerance = c.type() == DataType.FLOAT32 ? FP32_TOLERANCE : BF16_TOLERANCE;
    String[] names = {"output", "weight gradient", "input gradient"};
    for (int round = 0; round < PROBE_ROUNDS; round++) {
      soil(manager, c);
      NDArray[] values = run(x32, w32, b32, outputGradient, c, way);
      for (int i = 0; i < values.length; i++) {
        double difference = relativeDifference(values[i], reference[i]);
        if (!(difference <= tolerance)) {
          return String.format("%s of %s %s computes a wrong %s on this processor (relative difference %.3g "
              + "from the im2col convolution)", way.description,
              c.type() == DataType.FLOAT32 ? "FP32" : "bfloat16", describe(c), names[i], difference);
        }
      }
    }
    return null;
  }

  /**
   * Logs what a probe found wrong, if anything, and the way the configuration runs instead: the first such
   * configuration as a warning, the others at debug level.
   */
  private static void report(List<String> findings, Way way) {
    if (findings.isEmpty()) {
      return;
    }
    String line = String.join("; ", findings) + "; it runs as " + way.description + " instead";
    if (WARNED.compareAndSet(false, true)) {
      LOG.warn(line + " (each configuration found wrong runs the first way found right; the others are logged at "
          + "debug level)");
    } else {
      LOG.debug(line);
    }
  }

  private static String describe(Configuration c) {
    return c.inChannels() + " to " + c.outChannels() + " channels, " + c.kernel().get(0) + "x" + c.kernel().get(1)
        + " stride " + c.stride().get(0) + " padding " + c.padding().get(0) + " at " + c.height() + "x" + c.width();
  }

  /**
   * Standard normal values times {@code scale}, drawn in Java: the probe leaves the engine's random generator,
   * which the network's initialisation and dropout draw from, as it was.
   */
  private static NDArray normal(NDManager manager, Shape shape, double scale, Random random) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * scale);
    }
    try (NDArray buffer = manager.create(values, shape)) {
      return buffer.duplicate(); // in the engine's memory, not a Java buffer's
    }
  }

  /** The output shape of a configuration's probe (batch 2). */
  private static Shape outputShape(Configuration c) {
    return new Shape(2, c.outChannels(),
        (c.height() + 2 * c.padding().get(0) - c.kernel().get(0)) / c.stride().get(0) + 1,
        (c.width() + 2 * c.padding().get(1) - c.kernel().get(1)) / c.stride().get(1) + 1);
  }

  private static NDArray rounded(NDArray values, DataType type) {
    return type == DataType.FLOAT32 ? values
        : EngineCasts.toFloat32(EngineCasts.to(values, type, false), false);
  }

  /**
   * The output (and the weight's and the input's gradients, for a configuration that trains) of {@code way}: the
   * engine's convolutions in the configuration's type, the im2col convolution in FP32; all returned in FP32.
   */
  private static NDArray[] run(NDArray x32, NDArray w32, NDArray b32, NDArray outputGradient32, Configuration c,
      Way way) {
    boolean engine = way != Way.IM2COL;
    NDArray x = operand(x32, c, engine);
    NDArray w = operand(w32, c, engine);
    NDArray b = b32 == null ? null : operand(b32, c, engine);
    if (c.gradients()) {
      x.setRequiresGradient(true);
      w.setRequiresGradient(true);
    }
    NDArray y = switch (way) {
      case CHANNELS_LAST -> laidOut(true, x, w, b, c.stride(), c.padding(), c.gradients());
      case PLAIN -> laidOut(false, x, w, b, c.stride(), c.padding(), c.gradients());
      case IM2COL -> im2col(x, w, b, c.stride(), c.padding(), c.gradients());
    };
    NDArray output = EngineCasts.toFloat32(y, false);
    if (!c.gradients()) {
      return new NDArray[] {output};
    }
    NDArray outputGradient = y.getDataType() == DataType.FLOAT32 ? outputGradient32
        : EngineCasts.to(outputGradient32, DataType.BFLOAT16, true);
    JniUtils.backward((PtNDArray) y, (PtNDArray) outputGradient, false, false);
    NDArray weightGradient = EngineCasts.toFloat32(w.getGradient(), false);
    return new NDArray[] {output, weightGradient, EngineCasts.toFloat32(x.getGradient(), false)};
  }

  /**
   * Allocates arrays of NaN of the byte sizes the engine's convolution allocates (the input, the weight and the
   * output, plain and with their channels padded to 8, 16 and 32 as blocked layouts pad them), all at once, then
   * frees them, so that the memory the convolution gets next holds garbage, as it does deep into a training run,
   * not the zeros of pages fresh from the operating system: the wrong results seen came and went with what the
   * memory held, and a fresh process's zeroed memory hides them.
   */
  private static void soil(NDManager manager, Configuration c) {
    Shape out = outputShape(c);
    long kernel = c.kernel().size();
    long bytesPerValue = c.type() == DataType.FLOAT32 ? 4 : 2;
    List<NDArray> dirt = new ArrayList<>();
    for (long block : new long[] {1, 8, 16, 32}) {
      long in = padded(c.inChannels(), block);
      long filters = padded(c.outChannels(), block);
      for (long values : new long[] {2 * in * c.height() * c.width(), 2 * filters * out.get(2) * out.get(3),
          in * filters * kernel, in * c.outChannels() * kernel, c.inChannels() * filters * kernel}) {
        long floats = (values * bytesPerValue + 3) / 4;
        for (int copy = 0; copy < 2; copy++) {
          dirt.add(manager.full(new Shape(floats), Float.NaN));
        }
      }
    }
    dirt.forEach(NDArray::close);
  }

  private static long padded(long channels, long block) {
    return (channels + block - 1) / block * block;
  }

  /**
   * A fresh leaf array of {@code values}: in the configuration's type for the engine, else in FP32; cast outside
   * inference mode where gradients will be asked of it.
   */
  private static NDArray operand(NDArray values, Configuration c, boolean engine) {
    return engine && c.type() != DataType.FLOAT32 ? EngineCasts.to(values, c.type(), c.gradients())
        : values.duplicate();
  }

  /** max |a - b| / max |b|; NaN if either holds a non-finite value. */
  private static double relativeDifference(NDArray a, NDArray b) {
    if (!a.isInfinite().logicalOr(a.isNaN()).none().getBoolean()) {
      return Double.NaN;
    }
    double scale = b.abs().max().getFloat();
    return a.sub(b).abs().max().getFloat() / Math.max(scale, Float.MIN_NORMAL);
  }
}
