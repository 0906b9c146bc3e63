package io.netspec.runtime.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Data-parallel training on the CPU inside one process ({@code train --replicas N}): each batch is split into N
 * parts, and each part's forward and backward pass runs on a thread of its own, with libtorch's operator threads
 * cut to one. A small network's operators are too short to be shared well between cores (googlenet-fashion's
 * bfloat16 step at batch 128 on two cores: about 470 images/s with two operator threads, about 700 in all for two
 * single-threaded processes side by side); parts side by side keep every core busy for the whole step.
 *
 * <p>The replicas share the trainable parameters: libtorch adds each part's gradients into the same gradient
 * arrays under a lock, and each part's loss is weighted by its share of the batch, so that the sum is the
 * gradient of the whole batch's mean loss. The batch normalisation's running statistics, which a training forward
 * pass updates in place, are not shared: the first replica updates the network's own, every other one a copy
 * taken before the step, and after the step the network's statistics become the mean of all replicas'. Each part
 * is normalised by its own statistics, as on several GPUs without synchronised batch normalisation. A run is not
 * repeatable bit for bit: the replicas draw their dropout masks from libtorch's one generator in whatever order
 * their threads reach it. The first step and the first held-out batch run their parts one after the other, so
 * that each convolution configuration is checked (see {@code CheckedConvolution}) once, in one thread.
 */
final class CpuReplicas implements AutoCloseable {

  private final int count;

  private final Block block;

  private final ExecutorService threads;

  private final int operatorThreadsBefore;

  /** The network's running statistics: the parameters that take no gradient. */
  private final List<Parameter> statistics = new ArrayList<>();

  /** One parameter store per replica. */
  private final List<ReplicaStore> stores = new ArrayList<>();

  private final NDManager manager = NDManager.newBaseManager();

  private boolean trained;

  private boolean evaluated;

  /**
   * Replicas of {@code block}'s training on the CPU; libtorch's operator threads are one until {@link #close}.
   *
   * @param count the number of replicas, 2 or more
   */
  CpuReplicas(int count, Block block) {
    this.count = count;
    this.block = block;
    this.operatorThreadsBefore = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    this.threads = Executors.newFixedThreadPool(count, task -> {
      Thread thread = new Thread(task, "netspec-replica");
      thread.setDaemon(true);
      return thread;
    });
    block.getParameters().forEach(pair -> {
      if (!pair.getValue().requiresGradient()) {
        statistics.add(pair.getValue());
      }
    });
    for (int r = 0; r < count; r++) {
      stores.add(new ReplicaStore(manager));
    }
  }

  /** The losses of a training step ({@link ClassifierLoss}). */
  interface Objective {
    /** The loss of each head, main first. */
    NDList headLosses(NDList labels, NDList predictions);

    /** The training objective of the head losses. */
    NDArray combine(NDList headLosses);
  }

  /**
   * What one part's pass left.
   *
   * @param headLosses the part's loss of each head
   * @param predictions the network's outputs
   * @param labels the part's labels
   * @param notFinite the index of the first head whose loss is not finite (then no backward pass ran), or -1
   */
  record Part(NDList headLosses, NDList predictions, NDList labels, int notFinite) {}

  /**
   * The forward and backward passes of {@code batch}'s parts, side by side; the gradients are left summed in the
   * parameters' gradient arrays for the optimizer step.
   *
   * @return each part's result, in the batch's order
   */
  List<Part> train(Batch batch, Objective objective) {
    Batch[] parts = split(batch);
    float total = rows(batch.getLabels());
    List<Map<Parameter, NDArray>> copies = new ArrayList<>();
    for (int r = 1; r < parts.length; r++) {
      Map<Parameter, NDArray> copy = new IdentityHashMap<>();
      for (Parameter statistic : statistics) {
        NDArray own = statistic.getArray().duplicate();
        own.attach(batch.getManager());
        copy.put(statistic, own);
      }
      copies.add(copy);
    }
    List<Callable<Part>> tasks = new ArrayList<>();
    for (int r = 0; r < parts.length; r++) {
      Batch part = parts[r];
      ReplicaStore store = stores.get(r);
      store.statistics = r == 0 ? Map.of() : copies.get(r - 1);
      float share = rows(part.getLabels()) / total;
      tasks.add(() -> withGradMode(true, () -> trainPart(part, store, share, objective)));
    }
    List<Part> results;
    try {
      results = run(tasks, !trained);
    } finally {
      for (ReplicaStore store : stores) {
        store.statistics = Map.of(); // the copies go with the batch
      }
    }
    trained = true;
    for (Parameter statistic : statistics) {
      NDArray own = statistic.getArray();
      for (Map<Parameter, NDArray> copy : copies) {
        own.addi(copy.get(statistic));
      }
      try (NDArray replicaCount = own.getManager().full(new Shape(), parts.length, own.getDataType())) {
        own.divi(replicaCount);
      }
    }
    return results;
  }

  private Part trainPart(Batch part, ParameterStore store, float share, Objective objective) {
    NDList labels = part.getLabels();
    NDList predictions = block.forward(store, part.getData(), labels, null);
    NDList headLosses = objective.headLosses(labels, predictions);
    for (int i = 0; i < headLosses.size(); i++) {
      if (!Float.isFinite(headLosses.get(i).getFloat())) {
        return new Part(headLosses, predictions, labels, i);
      }
    }
    NDArray total = objective.combine(headLosses);
    // the share as an array the engine made: the scalar of mul(float) is freed while autograd still reads it
    // (see ClassifierLoss.combine)
    try (NDArray shareArray = total.getManager().full(new Shape(), share, total.getDataType());
        NDArray weighted = total.mul(shareArray);
        NDArray seed = weighted.onesLike()) {
      JniUtils.backward((PtNDArray) weighted, (PtNDArray) seed, false, false);
    }
    return new Part(headLosses, predictions, labels, -1);
  }

  /**
   * The inference forward passes of {@code batch}'s parts, side by side.
   *
   * @return each part's labels and predictions (no losses), in the batch's order
   */
  List<Part> evaluate(Batch batch) {
    Batch[] parts = split(batch);
    List<Callable<Part>> tasks = new ArrayList<>();
    for (int r = 0; r < parts.length; r++) {
      Batch part = parts[r];
      ReplicaStore store = stores.get(r);
      tasks.add(() -> withGradMode(false, () -> {
        NDList predictions = block.forward(store, part.getData(), false, null);
        return new Part(null, predictions, part.getLabels(), -1);
      }));
    }
    List<Part> results = run(tasks, !evaluated);
    evaluated = true;
    return results;
  }

  private Batch[] split(Batch batch) {
    Device[] devices = new Device[count];
    Arrays.fill(devices, batch.getData().head().getDevice());
    return batch.split(devices, false);
  }

  private static float rows(NDList labels) {
    return labels.head().getShape().get(0);
  }

  /** Runs the tasks on the replica threads, or one after the other on this one; their results in order. */
  private List<Part> run(List<Callable<Part>> tasks, boolean inTurn) {
    List<Part> results = new ArrayList<>();
    try {
      if (inTurn) {
        for (Callable<Part> task : tasks) {
          results.add(task.call());
        }
        return results;
      }
      // invokeAll returns once every task has ended: a part that fails does not close the batch under the others
      for (Future<Part> future : threads.invokeAll(tasks)) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the replicas ran", e);
    } catch (Exception e) {
      throw unchecked(e);
    }
  }

  /** libtorch's gradient mode belongs to each thread: set for the task, restored after it. */
  private static Part withGradMode(boolean on, Callable<Part> task) throws Exception {
    boolean before = JniUtils.isGradMode();
    JniUtils.setGradMode(on);
    try {
      return task.call();
    } finally {
      JniUtils.setGradMode(before);
    }
  }

  private static RuntimeException unchecked(Throwable e) {
    if (e instanceof RuntimeException runtime) {
      return runtime;
    }
    if (e instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(e);
  }

  /** Stops the replica threads and gives libtorch its operator threads back. */
  @Override
  public void close() {
    threads.shutdownNow();
    manager.close();
    JniUtils.setNumThreads(operatorThreadsBefore);
  }

  /**
   * A replica's parameter store: the network's own parameters, but for the running statistics it has a copy of.
   * With one device, DJL's own store hands out the parameters' own arrays too.
   */
  private static final class ReplicaStore extends ParameterStore {
    private volatile Map<Parameter, NDArray> statistics = Map.of();

    ReplicaStore(NDManager manager) {
      super(manager, false);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
      if (parameter == null) {
        return null;
      }
      NDArray own = statistics.get(parameter);
      return own != null ? own : parameter.getArray();
    }
  }
}
