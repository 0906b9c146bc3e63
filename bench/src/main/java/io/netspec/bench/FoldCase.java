package io.netspec.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.netspec.blocks.NetworkBlock;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * BatchNorm folded into the convolutions against the unfolded network, in one process: two copies of a generated
 * network with the same parameters (batch normalisation statistics drawn at random, so that the fold has work to
 * do), one folded, their inference forwards timed alternately. Prints one JSON line: each copy's median
 * milliseconds per forward, images/s and the largest absolute difference of their logits.
 *
 * <p>Usage: {@code FoldCase MODEL SIZE BATCH WARMUP ITERATIONS}
 */
public final class FoldCase {

  private FoldCase() {}

  public static void main(String[] args) {
    String modelName = args[0];
    int size = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int iterations = Integer.parseInt(args[4]);
    Shape input = new Shape(batch, 3, size, size);
    Engine.getInstance(); // loads libtorch before the first JNI call
    JniUtils.setGradMode(false);
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock unfolded = network(modelName, size, manager, input);
      NetworkBlock folded = network(modelName, size, manager, input);
      folded.foldBatchNorm();
      NDArray images = manager.randomNormal(input);
      ParameterStore parameters = new ParameterStore(manager, false);
      float[] a = unfolded.forward(parameters, new ai.djl.ndarray.NDList(images), false).head().toFloatArray();
      float[] b = folded.forward(parameters, new ai.djl.ndarray.NDList(images), false).head().toFloatArray();
      double difference = 0;
      for (int i = 0; i < a.length; i++) {
        difference = Math.max(difference, Math.abs(a[i] - b[i]));
      }
      List<Double> unfoldedMs = new ArrayList<>();
      List<Double> foldedMs = new ArrayList<>();
      for (int i = 0; i < warmup + iterations; i++) {
        boolean foldedFirst = i % 2 == 1;
        for (NetworkBlock network : foldedFirst ? List.of(folded, unfolded) : List.of(unfolded, folded)) {
          long start = System.nanoTime();
          ThroughputCase.inferStep(network, parameters, manager, images);
          if (i >= warmup) {
            (network == folded ? foldedMs : unfoldedMs).add((System.nanoTime() - start) / 1e6);
          }
        }
      }
      double u = MaxPoolCase.median(unfoldedMs);
      double f = MaxPoolCase.median(foldedMs);
      System.out.printf(Locale.ROOT, "{\"model\":\"%s\",\"size\":%d,\"batch\":%d,\"unfolded_ms\":%.2f,"
              + "\"folded_ms\":%.2f,\"unfolded_images_per_second\":%.2f,\"folded_images_per_second\":%.2f,"
              + "\"speedup\":%.3f,\"max_abs_logit_difference\":%.3g,\"threads\":%d}%n", modelName, size, batch, u,
          f, batch / (u / 1000), batch / (f / 1000), u / f, difference, JniUtils.getNumThreads());
    }
  }

  /** The generated network, initialised with seed 42, its batch normalisation statistics drawn (seed 7). */
  private static NetworkBlock network(String modelName, int size, NDManager manager, Shape input) {
    Engine.getInstance().setRandomSeed(42);
    NetworkBlock network = (NetworkBlock) Networks.build(modelName, size).block();
    network.initialize(manager, DataType.FLOAT32, input);
    Random random = new Random(7);
    for (Pair<String, Parameter> parameter : network.getParameters()) {
      String name = parameter.getKey();
      if (name.endsWith("runningMean") || name.endsWith("runningVar") || name.endsWith("gamma")) {
        NDArray array = parameter.getValue().getArray();
        float[] values = new float[Math.toIntExact(array.size())];
        for (int i = 0; i < values.length; i++) {
          values[i] = name.endsWith("runningMean") ? (float) random.nextGaussian() * 0.2f
              : 0.5f + random.nextFloat();
        }
        array.set(FloatBuffer.wrap(values));
      }
    }
    return network;
  }
}
