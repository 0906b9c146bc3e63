package io.netspec.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import io.netspec.blocks.NetworkBlock;
import io.netspec.blocks.Precision;
import io.netspec.runtime.train.ClassifierLoss;
import io.netspec.runtime.train.OptimizerChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark case in its own process: a generated network, an input size, a batch size and a mode.
 * Prints one JSON line: images/s over the timed iterations, each iteration's milliseconds and minor page
 * faults (warm-up iterations included: memory the step touched for the first time) and the peak resident
 * memory of the process.
 *
 * <p>{@code train}: forward in training mode (aux classifiers on), main + weighted aux cross-entropy as the
 * runtime's {@link ClassifierLoss} computes it, backward, one SGD step (momentum 0.9) through DJL's
 * {@link Trainer}, as the runtime's training loop does. {@code infer}: forward in inference mode, no grad.
 * The batch is the same random one at every iteration: no data loading is measured.
 *
 * <p>{@code PRECISION} ({@code fp32} when not given, or {@code bf16}) is the network's {@link Precision}, as
 * {@code --precision} sets it for {@code train}, {@code eval} and {@code predict}.
 *
 * <p>Usage: {@code ThroughputCase MODEL SIZE BATCH MODE WARMUP ITERATIONS [PRECISION]}
 */
public final class ThroughputCase {

  private ThroughputCase() {}

  public static void main(String[] args) {
    String modelName = args[0];
    int size = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    String mode = args[3];
    int warmup = Integer.parseInt(args[4]);
    int iterations = Integer.parseInt(args[5]);
    Precision precision = args.length > 6 ? Precision.valueOf(args[6].toUpperCase(Locale.ROOT)) : Precision.FP32;

    Engine engine = Engine.getInstance();
    engine.setRandomSeed(42);
    Networks.Built net = Networks.build(modelName, size);
    ((NetworkBlock) net.block()).setPrecision(precision);
    Shape input = new Shape(batch, net.channels(), size, size);
    List<Double> millis = new ArrayList<>();
    List<Long> faults = new ArrayList<>();
    try (Model model = Model.newInstance("bench", Device.cpu())) {
      model.setBlock(net.block());
      NDManager manager = model.getNDManager();
      NDArray images = manager.randomNormal(input);
      NDArray labels = manager.randomInteger(0, net.classes(), new Shape(batch), DataType.INT64).toType(DataType.FLOAT32, false);
      if (mode.equals("train")) {
        ClassifierLoss loss = new ClassifierLoss(net.auxWeights());
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
            .optOptimizer(OptimizerChoice.SGD.create(Tracker.fixed(0.01f), 0f))
            .optDevices(new Device[] {Device.cpu()});
        try (Trainer trainer = model.newTrainer(config)) {
          trainer.initialize(input);
          for (int i = 0; i < warmup + iterations; i++) {
            long faultsBefore = ProcessMemory.minorFaults();
            long start = System.nanoTime();
            trainStep(trainer, loss, images, labels);
            double elapsed = (System.nanoTime() - start) / 1e6;
            faults.add(ProcessMemory.minorFaults() - faultsBefore);
            if (i >= warmup) {
              millis.add(elapsed);
            }
          }
        }
      } else {
        net.block().initialize(manager, DataType.FLOAT32, input);
        ParameterStore parameters = new ParameterStore(manager, false);
        JniUtils.setGradMode(false);
        for (int i = 0; i < warmup + iterations; i++) {
          long faultsBefore = ProcessMemory.minorFaults();
          long start = System.nanoTime();
          inferStep(net.block(), parameters, manager, images);
          double elapsed = (System.nanoTime() - start) / 1e6;
          faults.add(ProcessMemory.minorFaults() - faultsBefore);
          if (i >= warmup) {
            millis.add(elapsed);
          }
        }
      }
    }
    double total = millis.stream().mapToDouble(Double::doubleValue).sum();
    StringBuilder steps = new StringBuilder();
    for (double m : millis) {
      steps.append(steps.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f", m));
    }
    StringBuilder stepFaults = new StringBuilder();
    for (long f : faults) {
      stepFaults.append(stepFaults.length() == 0 ? "" : ",").append(f);
    }
    System.out.printf(Locale.ROOT,
        "{\"side\":\"netspec\",\"model\":\"%s\",\"size\":%d,\"batch\":%d,\"mode\":\"%s\",\"precision\":\"%s\","
            + "\"images_per_second\":%.3f,\"step_ms\":[%s],\"step_minor_faults\":[%s],\"peak_rss_kb\":%d,"
            + "\"engine\":\"%s %s\",\"threads\":%d,\"interop_threads\":%d}%n",
        modelName, size, batch, mode, precision.name().toLowerCase(Locale.ROOT), batch * millis.size() / (total / 1000),
        steps, stepFaults,
        ProcessMemory.peakResidentKb(), engine.getEngineName(), engine.getVersion(), JniUtils.getNumThreads(),
        JniUtils.getNumInteropThreads());
  }

  /** One inference forward in a sub-manager closed after it; the logits reach Java, as a predictor's would. */
  static void inferStep(Block network, ParameterStore parameters, NDManager manager, NDArray images) {
    try (NDManager step = manager.newSubManager()) {
      images.tempAttach(step);
      network.forward(parameters, new NDList(images), false).head().toFloatArray();
    }
  }

  /** As the runtime's training loop: one forward, the combined loss, backward, one optimizer step. */
  static void trainStep(Trainer trainer, ClassifierLoss loss, NDArray images, NDArray labels) {
    try (NDManager step = trainer.getManager().newSubManager()) {
      images.tempAttach(step);
      labels.tempAttach(step);
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList labelList = new NDList(labels);
        NDList predictions = trainer.forward(new NDList(images), labelList);
        collector.backward(loss.combine(loss.headLosses(labelList, predictions)));
      }
      trainer.step();
    }
  }
}
