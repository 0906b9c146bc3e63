package io.netspec.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CheckedConvolution} against a convolution written out in Java (double sums, no engine): the output, the
 * input gradient and the weight gradient of the configurations that DJL's libtorch 2.7.1 got wrong on a Zen 5
 * machine (24 input channels, 3x3; 8 and 12 filters on 4 channels, 5x5; a stride-2 first convolution; in the
 * channels-last layout, 128 to 40 channels 1x1) and of ordinary ones. On a machine where the engine computes them
 * right this checks the engine's channels-last convolution; where it does not, it checks that the probe caught it
 * and another way (the plain layout, or the im2col convolution) took over. Either way the values must be right:
 * within 1e-4 of the largest value in FP32 (sums of a few hundred products of unit-size values keep about six
 * digits), within 3% in bfloat16 (8 significant bits on each operand, FP32 accumulation).
 */
class CheckedConvolutionTest {

  @ParameterizedTest(name = "{0} to {1} channels, {2}x{2} stride {3} padding {4} at {5}x{5}, bias {6}")
  @CsvSource({
      "24, 24, 3, 1, 1, 8, false", // googlenet-torchvision's 5x5 branch of inception 4b and 4c, smaller
      "24, 64, 3, 1, 1, 7, true",
      "4, 8, 5, 1, 2, 8, false", // googlenet-fashion's 5x5 branch of inception 3a
      "4, 12, 5, 1, 2, 7, false",
      "3, 16, 7, 2, 3, 16, true", // a stem
      "16, 32, 3, 1, 1, 6, false",
      "32, 16, 1, 1, 0, 5, true",
      "128, 40, 1, 1, 0, 6, false", // googlenet-fashion's inception 5a 1x1, wrong channels-last on the Zen 5
      "5, 2, 1, 2, 0, 20, false"}) // a strided 1x1, whose channels-last backward pass corrupted the heap there
  void fp32ConvolutionIsRightWhereverItRuns(int in, int out, int kernel, int stride, int padding, int side,
      boolean bias) {
    assertRight(in, out, kernel, stride, padding, side, bias, DataType.FLOAT32, 1e-4);
  }

  @ParameterizedTest(name = "{0} to {1} channels, {2}x{2} stride {3} padding {4} at {5}x{5}")
  @CsvSource({
      "24, 24, 3, 1, 1, 8",
      "4, 8, 5, 1, 2, 8",
      "3, 16, 3, 2, 1, 16",
      "8, 16, 3, 1, 1, 8",
      "32, 32, 3, 1, 1, 6"})
  void bf16ConvolutionIsRightWithinItsPrecision(int in, int out, int kernel, int stride, int padding, int side) {
    assertRight(in, out, kernel, stride, padding, side, false, DataType.BFLOAT16, 3e-2);
  }

  @Test
  void stridedPointwiseConvolutionIsNotTriedChannelsLast() {
    assertRight(8, 8, 1, 2, 0, 12, false, DataType.FLOAT32, 1e-4);
    assertNotEquals(CheckedConvolution.Way.CHANNELS_LAST, CheckedConvolution.verdict(8, 8, new Shape(1, 1),
        new Shape(2, 2), new Shape(0, 0), 12, 12, DataType.FLOAT32, false, true));
  }

  private static void assertRight(int in, int out, int kernel, int stride, int padding, int side, boolean bias,
      DataType type, double tolerance) {
    Random random = new Random(in * 1000L + out * 10L + kernel);
    int batch = 2;
    float[] x = gaussian(random, batch * in * side * side, 1);
    float[] w = gaussian(random, out * in * kernel * kernel, Math.sqrt(1.0 / (in * kernel * kernel)));
    float[] b = bias ? gaussian(random, out, 1) : null;
    int outSide = (side + 2 * padding - kernel) / stride + 1;
    float[] g = gaussian(random, batch * out * outSide * outSide, 1);
    if (type == DataType.BFLOAT16) { // the values the bfloat16 convolution sees, rounded once
      x = toBFloat16AndBack(x);
      w = toBFloat16AndBack(w);
      b = b == null ? null : toBFloat16AndBack(b);
      g = toBFloat16AndBack(g);
    }
    double[][] expected = naive(x, w, b, g, batch, in, out, kernel, stride, padding, side, outSide);

    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray input = cast(manager.create(x, new Shape(batch, in, side, side)).duplicate(), type);
      NDArray weight = cast(manager.create(w, new Shape(out, in, kernel, kernel)).duplicate(), type);
      NDArray biasArray = b == null ? null : cast(manager.create(b, new Shape(out)).duplicate(), type);
      NDArray outputGradient = cast(manager.create(g, new Shape(batch, out, outSide, outSide)).duplicate(), type);
      input.setRequiresGradient(true);
      weight.setRequiresGradient(true);
      NDArray output;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        output = CheckedConvolution.conv2d(input, weight, biasArray, new Shape(stride, stride),
            new Shape(padding, padding), true);
        collector.backward(EngineCasts.toFloat32(output.mul(outputGradient), true).sum());
      }
      assertNotNull(CheckedConvolution.verdict(in, out, new Shape(kernel, kernel), new Shape(stride, stride),
          new Shape(padding, padding), side, side, type, bias, true), "the configuration was probed");
      assertClose("output", expected[0], floats(output), tolerance);
      assertClose("input gradient", expected[1], floats(input.getGradient()), tolerance);
      assertClose("weight gradient", expected[2], floats(weight.getGradient()), tolerance);
    }
  }

  /** Output, input gradient and weight gradient for output gradient {@code g}, summed in double. */
  private static double[][] naive(float[] x, float[] w, float[] b, float[] g, int batch, int in, int out,
      int kernel, int stride, int padding, int side, int outSide) {
    double[] y = new double[batch * out * outSide * outSide];
    double[] gx = new double[x.length];
    double[] gw = new double[w.length];
    for (int n = 0; n < batch; n++) {
      for (int f = 0; f < out; f++) {
        for (int i = 0; i < outSide; i++) {
          for (int j = 0; j < outSide; j++) {
            int yi = ((n * out + f) * outSide + i) * outSide + j;
            double sum = b == null ? 0 : b[f];
            for (int c = 0; c < in; c++) {
              for (int di = 0; di < kernel; di++) {
                for (int dj = 0; dj < kernel; dj++) {
                  int row = i * stride + di - padding;
                  int column = j * stride + dj - padding;
                  if (row < 0 || column < 0 || row >= side || column >= side) {
                    continue;
                  }
                  int xi = ((n * in + c) * side + row) * side + column;
                  int wi = ((f * in + c) * kernel + di) * kernel + dj;
                  sum += (double) x[xi] * w[wi];
                  gx[xi] += (double) g[yi] * w[wi];
                  gw[wi] += (double) g[yi] * x[xi];
                }
              }
            }
            y[yi] = sum;
          }
        }
      }
    }
    return new double[][] {y, gx, gw};
  }

  private static void assertClose(String what, double[] expected, float[] actual, double tolerance) {
    assertEquals(expected.length, actual.length, what + " size");
    double scale = 0;
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      worst = Math.max(worst, Float.isFinite(actual[i]) ? Math.abs(expected[i] - actual[i]) : Double.MAX_VALUE);
    }
    assertTrue(worst <= tolerance * scale,
        what + ": largest difference " + worst + " against largest value " + scale);
  }

  private static NDArray cast(NDArray array, DataType type) {
    return type == DataType.FLOAT32 ? array : EngineCasts.to(array, type, true);
  }

  private static float[] floats(NDArray array) {
    return EngineCasts.toFloat32(array, false).toFloatArray();
  }

  private static float[] gaussian(Random random, int size, double scale) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) (random.nextGaussian() * scale);
    }
    return values;
  }

  /** Round to nearest even at bfloat16's 8 significant bits, as libtorch's cast does (finite values). */
  private static float[] toBFloat16AndBack(float[] values) {
    float[] rounded = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      int bits = Float.floatToRawIntBits(values[i]);
      int lsb = (bits >>> 16) & 1;
      rounded[i] = Float.intBitsToFloat(((bits + 0x7FFF + lsb) >>> 16) << 16);
    }
    return rounded;
  }
}
