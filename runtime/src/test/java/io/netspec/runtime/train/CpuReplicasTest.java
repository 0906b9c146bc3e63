package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
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
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CpuReplicas}: what the replicas compute side by side is what one pass over the batch computes, where the
 * two can agree (the gradient of a network without batch normalisation), and what the class promises where they
 * cannot (the running statistics: the mean of each part's update); a step is repeatable; libtorch's operator
 * threads are given back.
 */
class CpuReplicasTest {

  private static final int BATCH = 10;

  /** The loss of a part: the mean square of the network's outputs less the labels. */
  private static final CpuReplicas.Objective SQUARED_ERROR = new CpuReplicas.Objective() {
    @Override
    public NDList headLosses(NDList labels, NDList predictions) {
      return new NDList(predictions.head().sub(labels.head()).square().mean());
    }

    @Override
    public NDArray combine(NDList headLosses) {
      return headLosses.head();
    }
  };

  @Test
  void theReplicasGradientIsTheWholeBatchsGradient() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = new SequentialBlock().add(Linear.builder().setUnits(6).build()).add(Activation::tanh)
          .add(Linear.builder().setUnits(1).build());
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 5));
      NDArray x = random(manager, new Shape(BATCH, 5), 1);
      NDArray y = random(manager, new Shape(BATCH, 1), 2);

      Map<String, float[]> whole = wholeBatchGradients(block, x, y);
      try (CpuReplicas replicas = new CpuReplicas(2, block)) {
        for (String round : List.of("first step (parts in turn)", "second step (parts side by side)")) {
          zeroGradients(block);
          List<CpuReplicas.Part> parts = replicas.train(batch(manager, x, y), SQUARED_ERROR);
          assertEquals(2, parts.size(), round);
          assertEquals(BATCH / 2, parts.get(0).labels().head().getShape().get(0), round);
          Map<String, float[]> split = gradients(block);
          for (Map.Entry<String, float[]> entry : whole.entrySet()) {
            assertArrayEquals(entry.getValue(), split.get(entry.getKey()), 1e-6f, round + ": " + entry.getKey());
          }
        }
      }
    }
  }

  @Test
  void theRunningStatisticsBecomeTheMeanOfEachPartsUpdate() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = new SequentialBlock().add(BatchNorm.builder().build()).add(Blocks.batchFlattenBlock());
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 2, 2));
      NDArray x = random(manager, new Shape(BATCH, 3, 2, 2), 3).mul(manager.create(2f)).add(manager.create(1f));
      NDArray y = random(manager, new Shape(BATCH, 12), 4);
      Map<String, float[]> start = statistics(block);

      // each part's update alone, from the same start, as one training forward pass computes it
      List<Map<String, float[]>> alone = new ArrayList<>();
      for (int part = 0; part < 2; part++) {
        restore(block, start);
        NDArray half = x.get(part * BATCH / 2 + ":" + (part + 1) * BATCH / 2);
        block.forward(new ParameterStore(manager, false), new NDList(half), true);
        alone.add(statistics(block));
      }
      restore(block, start);
      try (CpuReplicas replicas = new CpuReplicas(2, block)) {
        replicas.train(batch(manager, x, y), SQUARED_ERROR);
      }
      Map<String, float[]> after = statistics(block);
      for (String name : start.keySet()) {
        float[] expected = new float[start.get(name).length];
        for (int i = 0; i < expected.length; i++) {
          expected[i] = (alone.get(0).get(name)[i] + alone.get(1).get(name)[i]) / 2;
        }
        assertArrayEquals(expected, after.get(name), 1e-6f, name);
        assertTrue(!Arrays.equals(start.get(name), after.get(name)), name + " moved");
      }
    }
  }

  @Test
  void aStepSideBySideIsRepeatable() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = new SequentialBlock()
          .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4).build())
          .add(BatchNorm.builder().build()).add(Activation::relu).add(Blocks.batchFlattenBlock())
          .add(Linear.builder().setUnits(3).build());
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 6, 6));
      NDArray x = random(manager, new Shape(BATCH, 2, 6, 6), 5);
      NDArray y = random(manager, new Shape(BATCH, 3), 6);
      Map<String, float[]> start = statistics(block);
      try (CpuReplicas replicas = new CpuReplicas(2, block)) {
        replicas.train(batch(manager, x, y), SQUARED_ERROR); // the first step runs its parts in turn
        List<Map<String, float[]>> gradients = new ArrayList<>();
        List<Map<String, float[]>> statistics = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
          restore(block, start);
          zeroGradients(block);
          replicas.train(batch(manager, x, y), SQUARED_ERROR);
          gradients.add(gradients(block));
          statistics.add(statistics(block));
        }
        for (int run = 1; run < 3; run++) {
          for (String name : gradients.get(0).keySet()) {
            assertArrayEquals(gradients.get(0).get(name), gradients.get(run).get(name), name + ", run " + run);
          }
          for (String name : statistics.get(0).keySet()) {
            assertArrayEquals(statistics.get(0).get(name), statistics.get(run).get(name), name + ", run " + run);
          }
        }
      }
    }
  }

  @Test
  void libtorchsOperatorThreadsAreOneWhileTheReplicasRunAndGivenBackAfter() {
    Engine.getInstance(); // loads libtorch
    int before = JniUtils.getNumThreads();
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = Linear.builder().setUnits(1).build();
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
      try (CpuReplicas replicas = new CpuReplicas(2, block)) {
        assertEquals(1, JniUtils.getNumThreads());
      }
    }
    assertEquals(before, JniUtils.getNumThreads());
  }

  /** The gradients of one forward and backward pass over the whole batch. */
  private static Map<String, float[]> wholeBatchGradients(Block block, NDArray x, NDArray y) {
    zeroGradients(block);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDList predictions = block.forward(new ParameterStore(x.getManager(), false), new NDList(x), true);
      collector.backward(SQUARED_ERROR.combine(SQUARED_ERROR.headLosses(new NDList(y), predictions)));
    }
    return gradients(block);
  }

  private static Batch batch(NDManager manager, NDArray x, NDArray y) {
    NDManager batchManager = manager.newSubManager();
    return new Batch(batchManager, new NDList(x.duplicate()), new NDList(y.duplicate()), BATCH, Batchifier.STACK,
        Batchifier.STACK, 0, 0);
  }

  private static NDArray random(NDManager manager, Shape shape, long seed) {
    Random random = new Random(seed);
    float[] values = new float[(int) shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return manager.create(values, shape);
  }

  private static Map<String, float[]> gradients(Block block) {
    Map<String, float[]> gradients = new LinkedHashMap<>();
    block.getParameters().forEach(pair -> {
      Parameter parameter = pair.getValue();
      if (parameter.requiresGradient()) {
        gradients.put(pair.getKey(), parameter.getArray().getGradient().toFloatArray());
      }
    });
    return gradients;
  }

  private static void zeroGradients(Block block) {
    block.getParameters().forEach(pair -> {
      NDArray array = pair.getValue().getArray();
      if (pair.getValue().requiresGradient()) {
        NDArray gradient = array.getGradient(); // the engine's gradient array itself, zeros before any backward
        gradient.subi(gradient);
      }
    });
  }

  private static Map<String, float[]> statistics(Block block) {
    Map<String, float[]> values = new LinkedHashMap<>();
    block.getParameters().forEach(pair -> {
      if (!pair.getValue().requiresGradient()) {
        values.put(pair.getKey(), pair.getValue().getArray().toFloatArray());
      }
    });
    return values;
  }

  private static void restore(Block block, Map<String, float[]> values) {
    block.getParameters().forEach(pair -> {
      float[] value = values.get(pair.getKey());
      if (value != null) {
        pair.getValue().getArray().set(value);
      }
    });
  }
}
