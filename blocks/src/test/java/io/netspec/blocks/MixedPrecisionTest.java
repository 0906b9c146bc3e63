package io.netspec.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Precision#BF16} against {@link Precision#FP32} on one small network of every block kind (convolution
 * units with and without BatchNorm, an Inception module, max pool, local response normalisation, adaptive
 * average pool, a linear layer, an auxiliary classifier), the same parameters and inputs.
 *
 * <p>Tolerance: bfloat16 keeps 8 significant bits, so each rounding of an input, weight or activation to it is off
 * by at most 2^-9 (0.2%) of the value; the convolutions accumulate in FP32. The longest path here rounds about
 * ten times (input, each convolution's weights and output, the linear layer's), and rounding errors of
 * independent values partly cancel, so the logits are expected within a few 2^-9, well under 3% of their norm
 * ({@link #LOGITS}). An SGD step is the gradient scaled, and the gradients pass the roundings twice (forward and
 * backward): the whole step within 6% ({@link #STEP}). BatchNorm's backward pass subtracts means of the
 * incoming gradient, in bfloat16 as under PyTorch's autocast (which also runs batch_norm on bfloat16 input),
 * and that cancellation loses relative precision: with it, the whole step within 20%
 * ({@link #STEP_WITH_BATCH_NORM}), and each parameter's step pointing the same way (cosine above
 * {@link #SAME_DIRECTION}). A cast that lost the gradient would leave a parameter unmoved (100% off, cosine 0).
 */
class MixedPrecisionTest {

  private static final double LOGITS = 0.03;
  private static final double STEP = 0.06;
  private static final double STEP_WITH_BATCH_NORM = 0.2;
  private static final double SAME_DIRECTION = 0.8;
  private static final Shape INPUT = new Shape(4, 3, 32, 32);
  private static final int CLASSES = 10;

  /** A network of every block kind: GoogLeNet's paper style (bias, no BatchNorm) or torchvision's. */
  private static final class SmallNetwork extends NetworkBlock {
    SmallNetwork(boolean batchNorm) {
      super(INPUT.slice(1), CLASSES);
      addRow("conv1", ConvolutionUnit.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
          .optPadding(new Shape(1, 1)).setFilters(16).optBatchNorm(batchNorm).optBias(!batchNorm).build());
      addRow("pool1", MaxPool.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
          .optCeilMode(true).build());
      addRow("norm1", LocalResponseNorm.builder().build());
      addRow("conv2", ConvolutionUnit.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
          .setFilters(24).optReduction(16).optBatchNorm(batchNorm).optBias(!batchNorm).build());
      addRow("inception", InceptionModule.builder().setBranch1x1(8).setBranch3x3(8, 16).setBranch5x5(4, 8)
          .setPoolProjection(8).optBatchNorm(batchNorm).optBias(!batchNorm).build());
      addRow("avgpool", AdaptiveAvgPool.builder().setOutputSize(1, 1).build());
      addRow("fc", new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(CLASSES)
          .build()));
      addAuxClassifier("aux", AuxClassifier.builder().setAttachedTo("norm1")
          .add("pool", AdaptiveAvgPool.builder().setOutputSize(2, 2).build())
          .add("fc", new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(CLASSES)
              .build()))
          .build());
    }
  }

  @ParameterizedTest(name = "batch norm {0}")
  @ValueSource(booleans = {false, true})
  void bf16LogitsEqualFp32WithinTolerance(boolean batchNorm) {
    try (NDManager manager = NDManager.newBaseManager()) {
      SmallNetwork network = network(manager, batchNorm);
      NDArray images = images(manager);
      for (boolean training : new boolean[] {false, true}) {
        NDList fp32 = forward(network, manager, images, Precision.FP32, training);
        NDList bf16 = forward(network, manager, images, Precision.BF16, training);
        assertEquals(fp32.size(), bf16.size());
        for (int i = 0; i < fp32.size(); i++) {
          assertEquals(DataType.FLOAT32, bf16.get(i).getDataType(), "logits come back as FP32");
          double error = relativeError(bf16.get(i), fp32.get(i));
          assertTrue(error < LOGITS, "output " + i + " (training " + training + "): relative error " + error);
          assertTrue(error > 0, "bf16 computed something else than FP32 did");
        }
      }
    }
  }

  /**
   * One SGD step from the same parameters on the same batch, in each precision: the parameters and their
   * gradients stay FP32, every trainable parameter moves (the gradient came back through the cast), and by
   * nearly the same step; BatchNorm's running statistics stay FP32 and are updated.
   */
  @ParameterizedTest(name = "batch norm {0}")
  @ValueSource(booleans = {false, true})
  void bf16TrainingStepKeepsFp32ParametersAndMovesThemAsFp32Does(boolean batchNorm) {
    try (NDManager manager = NDManager.newBaseManager()) {
      SmallNetwork network = network(manager, batchNorm);
      NDArray images = images(manager);
      NDArray labels = manager.create(new float[] {0, 3, 7, 9});
      Map<String, float[]> start = values(network);
      Map<String, float[]> fp32 = step(network, manager, images, labels, Precision.FP32);
      restore(network, start);
      Map<String, float[]> bf16 = step(network, manager, images, labels, Precision.BF16);
      List<float[]> fp32Steps = new ArrayList<>();
      List<float[]> bf16Steps = new ArrayList<>();
      for (Pair<String, Parameter> entry : network.getParameters()) {
        Parameter parameter = entry.getValue();
        String name = entry.getKey();
        assertEquals(DataType.FLOAT32, parameter.getArray().getDataType(), name + " stays FP32");
        if (!parameter.requiresGradient()) {
          assertNotEquals(0, distance(start.get(name), bf16.get(name)), name + ": running statistic updated");
          continue;
        }
        assertEquals(DataType.FLOAT32, parameter.getArray().getGradient().getDataType(), name + "'s gradient");
        float[] fp32Step = difference(fp32.get(name), start.get(name));
        float[] bf16Step = difference(bf16.get(name), start.get(name));
        double stepSize = norm(fp32Step);
        assertTrue(stepSize > 0, name + " moves in FP32");
        double cosine = dot(bf16Step, fp32Step) / (norm(bf16Step) * stepSize);
        assertTrue(cosine > SAME_DIRECTION, name + ": the bf16 step points elsewhere (cosine " + cosine + ")");
        fp32Steps.add(fp32Step);
        bf16Steps.add(bf16Step);
      }
      assertTrue(fp32Steps.size() >= 10, "trainable parameters compared: " + fp32Steps.size());
      float[] fp32Step = concat(fp32Steps);
      double error = distance(concat(bf16Steps), fp32Step) / norm(fp32Step);
      double tolerance = batchNorm ? STEP_WITH_BATCH_NORM : STEP;
      assertTrue(error < tolerance, "the bf16 step is off the FP32 one by " + error + " of its size");
    }
  }

  private static SmallNetwork network(NDManager manager, boolean batchNorm) {
    Engine.getInstance().setRandomSeed(7);
    SmallNetwork network = new SmallNetwork(batchNorm);
    network.initialize(manager, DataType.FLOAT32, INPUT);
    return network;
  }

  private static NDArray images(NDManager manager) {
    float[] values = new float[(int) INPUT.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (Math.sin(i * 0.61) + 0.5 * Math.cos(i * 0.013)); // deterministic, both signs
    }
    return manager.create(values, INPUT);
  }

  private static NDList forward(SmallNetwork network, NDManager manager, NDArray images, Precision precision,
      boolean training) {
    network.setPrecision(precision);
    return network.forward(new ParameterStore(manager, false), new NDList(images), training);
  }

  /** The parameters after one SGD step (learning rate 0.1) on the main and auxiliary losses. */
  private static Map<String, float[]> step(SmallNetwork network, NDManager manager, NDArray images,
      NDArray labels, Precision precision) {
    Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build();
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.zeroGradients();
      NDList outputs = forward(network, manager, images, precision, true);
      Loss loss = Loss.softmaxCrossEntropyLoss();
      NDArray main = loss.evaluate(new NDList(labels), new NDList(outputs.get(0)));
      NDArray aux = loss.evaluate(new NDList(labels), new NDList(outputs.get(1)));
      collector.backward(main.add(aux.mul(manager.create(0.3f))));
    }
    for (Pair<String, Parameter> entry : network.getParameters()) {
      Parameter parameter = entry.getValue();
      if (parameter.requiresGradient()) {
        sgd.update(parameter.getId(), parameter.getArray(), parameter.getArray().getGradient());
      }
    }
    return values(network);
  }

  private static Map<String, float[]> values(SmallNetwork network) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : network.getParameters()) {
      values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
    }
    return values;
  }

  private static void restore(SmallNetwork network, Map<String, float[]> values) {
    for (Pair<String, Parameter> entry : network.getParameters()) {
      entry.getValue().getArray().set(values.get(entry.getKey()));
    }
  }

  private static double relativeError(NDArray actual, NDArray expected) {
    float[] e = expected.toFloatArray();
    return distance(actual.toFloatArray(), e) / norm(e);
  }

  private static float[] difference(float[] a, float[] b) {
    float[] d = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  private static double distance(float[] a, float[] b) {
    return norm(difference(a, b));
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  private static float[] concat(List<float[]> parts) {
    float[] all = new float[parts.stream().mapToInt(p -> p.length).sum()];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static double norm(float[] a) {
    double sum = 0;
    for (float v : a) {
      sum += (double) v * v;
    }
    return Math.sqrt(sum);
  }
}
