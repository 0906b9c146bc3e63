package io.netspec.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.netspec.blocks.LocalResponseNorm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Local response normalisation in training, measured on its own: the blocks library's {@code LocalResponseNorm}
 * against the formulation it replaced on 1 Dec 2026 (square, channel-window average pool, {@code mul}, {@code add},
 * {@code pow(beta)}, {@code div}), forward and backward through autograd, alternately in one process, at the
 * shapes of the paper network's two LRN rows (AlexNet's size 5, alpha 1e-4, beta 0.75, k 1). Checks that both
 * give the same outputs and input gradients (within 1e-5 relative), then prints one JSON line: per shape, the
 * median milliseconds of each. Usage: {@code LrnCase REPETITIONS N,C,H,W [N,C,H,W ...]}
 */
public final class LrnCase {

  private static final int SIZE = 5;
  private static final float ALPHA = 1e-4f;
  private static final float BETA = 0.75f;
  private static final float K = 1f;

  private LrnCase() {}

  public static void main(String[] args) {
    int repetitions = Integer.parseInt(args[0]);
    LocalResponseNorm block = LocalResponseNorm.builder().optSize(SIZE).optAlpha(ALPHA).optBeta(BETA).optK(K).build();
    StringBuilder json = new StringBuilder("{\"case\":\"lrn training forward + backward\",\"repetitions\":")
        .append(repetitions);
    try (NDManager manager = NDManager.newBaseManager()) {
      json.append(",\"threads\":").append(JniUtils.getNumThreads()).append(",\"shapes\":[");
      ParameterStore parameters = new ParameterStore(manager, false);
      for (int s = 1; s < args.length; s++) {
        Shape shape = new Shape(Arrays.stream(args[s].split(",")).mapToLong(Long::parseLong).toArray());
        // activations after a ReLU: non-negative, about half zero, as LRN sees them in the network
        NDArray x = manager.randomNormal(shape).maximum(0f).mul(4f);
        NDArray weights = manager.randomNormal(shape);
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        for (int i = 0; i < repetitions + 1; i++) {
          double[] times = new double[2];
          NDArray[] outputs = new NDArray[2];
          NDArray[] gradients = new NDArray[2];
          try (NDManager step = manager.newSubManager()) {
            for (int variant = 0; variant < 2; variant++) {
              // alternate which runs first, so that neither always finds the other's freed memory
              int which = (i + variant) % 2;
              NDArray input = x.duplicate();
              input.attach(step);
              input.setRequiresGradient(true);
              long t0 = System.nanoTime();
              try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = which == 0 ? previous(input)
                    : block.forward(parameters, new NDList(input), true).singletonOrThrow();
                collector.backward(y.mul(weights).sum());
                outputs[which] = y;
              }
              gradients[which] = input.getGradient();
              times[which] = (System.nanoTime() - t0) / 1e6;
            }
            check(outputs[0], outputs[1], "outputs", shape);
            check(gradients[0], gradients[1], "input gradients", shape);
          }
          if (i > 0) { // the first is a warm-up
            before.add(times[0]);
            after.add(times[1]);
          }
        }
        double b = median(before);
        double a = median(after);
        json.append(s > 1 ? "," : "").append(String.format(Locale.ROOT,
            "{\"input\":\"%s\",\"previous_ms\":%.2f,\"lrn_ms\":%.2f,\"speedup\":%.2f}", shape, b, a, b / a));
      }
    }
    System.out.println(json.append("]}"));
  }

  /** The formulation LocalResponseNorm used before 1 Dec 2026 (commit aa6137f), for the comparison. */
  private static NDArray previous(NDArray input) {
    Shape shape = input.getShape();
    long channels = shape.get(1);
    NDManager manager = input.getManager();
    NDArray squares = input.square().reshape(shape.get(0), 1, channels, -1);
    NDArray average = Pool.avgPool2d(squares, new Shape(SIZE, 1), new Shape(1, 1), new Shape(SIZE / 2, 0), false, true)
        .get(":, :, :" + channels)
        .reshape(shape);
    NDArray scale = manager.full(new Shape(), ALPHA, DataType.FLOAT32);
    NDArray exponent = manager.full(new Shape(), BETA, DataType.FLOAT32);
    return input.div(average.mul(scale).add(K).pow(exponent));
  }

  private static void check(NDArray expected, NDArray actual, String what, Shape shape) {
    float scale = expected.abs().max().getFloat();
    float difference = expected.sub(actual).abs().max().getFloat();
    if (!(difference <= 1e-5 * Math.max(1, scale))) {
      throw new AssertionError(what + " differ by " + difference + " at " + shape);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
