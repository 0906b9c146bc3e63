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
import ai.djl.util.Pair;
import io.netspec.blocks.NetworkBlock;
import io.netspec.blocks.Precision;
import io.netspec.runtime.train.ClassifierLoss;
import io.netspec.runtime.train.OptimizerChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a training step of a generated network goes, measured three ways in one process:
 * <ol>
 *   <li>phases: forward (training mode), the three losses, backward, optimizer step, each timed with the wall
 *       clock (libtorch on the CPU runs every call synchronously, so a call's time is its work);</li>
 *   <li>rows: the network's children run one by one in training mode, in the generated forward's order
 *       (each auxiliary classifier after the row it reads), each timed;</li>
 *   <li>engine calls: libtorch's autograd profiler over whole steps through DJL's
 *       {@code JniUtils.startProfile}/{@code stopProfile}, written as a Chrome trace for
 *       {@code bench/python/profile_report.py} to group by operator.</li>
 * </ol>
 * With {@code infer} as the sixth argument it profiles an inference forward instead (inference mode, no
 * gradients, the logits copied out, as {@code ThroughputCase} times it): phases and engine calls, no rows. A
 * seventh, {@code bf16}, profiles the network in {@link Precision#BF16}, as {@code --precision bf16} runs it.
 * Prints one JSON line. Usage: {@code ProfileStep MODEL SIZE BATCH STEPS TRACE_FILE [train|infer [fp32|bf16]]}
 */
public final class ProfileStep {

  private ProfileStep() {}

  public static void main(String[] args) {
    String modelName = args[0];
    int size = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    int steps = Integer.parseInt(args[3]);
    String trace = args[4];
    boolean infer = args.length > 5 && args[5].equals("infer");
    Precision precision = args.length > 6 ? Precision.valueOf(args[6].toUpperCase(Locale.ROOT)) : Precision.FP32;

    Engine.getInstance().setRandomSeed(42);
    Networks.Built net = Networks.build(modelName, size);
    ((NetworkBlock) net.block()).setPrecision(precision);
    Shape input = new Shape(batch, net.channels(), size, size);
    Map<String, List<Double>> phases = new LinkedHashMap<>();
    Map<String, List<Double>> rows = new LinkedHashMap<>();
    if (infer) {
      profileInference(net, input, steps, trace, phases);
    } else {
      profileTraining(net, input, steps, trace, phases, rows);
    }
    System.out.printf(Locale.ROOT, "{\"model\":\"%s\",\"mode\":\"%s\",\"precision\":\"%s\",\"size\":%d,\"batch\":%d,"
        + "\"steps\":%d,\"phases_ms\":%s,\"rows_forward_ms\":%s,\"trace\":\"%s\",\"peak_rss_kb\":%d}%n", modelName,
        infer ? "infer" : "train", precision.name().toLowerCase(Locale.ROOT), size, batch, steps, json(phases),
        json(rows), trace, ProcessMemory.peakResidentKb());
  }

  private static void profileTraining(Networks.Built net, Shape input, int steps, String trace,
      Map<String, List<Double>> phases, Map<String, List<Double>> rows) {
    long batch = input.get(0);
    try (Model model = Model.newInstance("profile", Device.cpu())) {
      model.setBlock(net.block());
      NDManager manager = model.getNDManager();
      NDArray images = manager.randomNormal(input);
      NDArray labels = manager.randomInteger(0, net.classes(), new Shape(batch), DataType.INT64).toType(DataType.FLOAT32, false);
      ClassifierLoss loss = new ClassifierLoss(net.auxWeights());
      DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
          .optOptimizer(OptimizerChoice.SGD.create(Tracker.fixed(0.01f), 0f))
          .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(input);
        for (int i = 0; i < 2; i++) { // warm-up
          ThroughputCase.trainStep(trainer, loss, images, labels);
        }
        for (int i = 0; i < steps; i++) {
          phasedStep(trainer, loss, images, labels, phases);
        }
        ParameterStore parameters = new ParameterStore(manager, false);
        for (int i = 0; i < steps; i++) {
          rowForward(trainer, net.block(), parameters, images, rows);
        }
        JniUtils.startProfile(false, true, false);
        for (int i = 0; i < steps; i++) {
          ThroughputCase.trainStep(trainer, loss, images, labels);
        }
        JniUtils.stopProfile(trace);
      }
    }
  }

  private static void profileInference(Networks.Built net, Shape input, int steps, String trace,
      Map<String, List<Double>> phases) {
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      NDArray images = manager.randomNormal(input);
      net.block().initialize(manager, DataType.FLOAT32, input);
      ParameterStore parameters = new ParameterStore(manager, false);
      JniUtils.setGradMode(false);
      for (int i = 0; i < 2 + 2 * steps; i++) {
        if (i == 2 + steps) {
          JniUtils.startProfile(false, true, false);
        }
        long start = System.nanoTime();
        ThroughputCase.inferStep(net.block(), parameters, manager, images);
        if (i >= 2 && i < 2 + steps) {
          add(phases, "forward", System.nanoTime() - start);
          add(phases, "total", System.nanoTime() - start);
        }
      }
      JniUtils.stopProfile(trace);
    }
  }

  private static void phasedStep(Trainer trainer, ClassifierLoss loss, NDArray images, NDArray labels,
      Map<String, List<Double>> phases) {
    try (NDManager step = trainer.getManager().newSubManager()) {
      images.tempAttach(step);
      labels.tempAttach(step);
      long t0 = System.nanoTime();
      long t1;
      long t2;
      long t3;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList labelList = new NDList(labels);
        NDList predictions = trainer.forward(new NDList(images), labelList);
        t1 = System.nanoTime();
        NDArray total = loss.combine(loss.headLosses(labelList, predictions));
        t2 = System.nanoTime();
        collector.backward(total);
        t3 = System.nanoTime();
      }
      long t4 = System.nanoTime();
      trainer.step();
      long t5 = System.nanoTime();
      add(phases, "forward", t1 - t0);
      add(phases, "losses", t2 - t1);
      add(phases, "backward", t3 - t2);
      add(phases, "gradient collector close", t4 - t3);
      add(phases, "optimizer step", t5 - t4);
      add(phases, "total", t5 - t0);
    }
  }

  /** The generated forward, row by row: main-path children in order, each aux classifier after its row. */
  private static void rowForward(Trainer trainer, Block network, ParameterStore parameters, NDArray images,
      Map<String, List<Double>> rows) {
    List<Pair<String, Block>> main = new ArrayList<>();
    Map<String, List<Pair<String, Block>>> auxAfter = new LinkedHashMap<>();
    for (Pair<String, Block> child : network.getChildren()) {
      String name = child.getKey().replaceFirst("^[0-9]+", "");
      String attachedTo = attachedTo(child.getValue());
      if (attachedTo == null) {
        main.add(new Pair<>(name, child.getValue()));
      } else {
        auxAfter.computeIfAbsent(attachedTo, k -> new ArrayList<>()).add(new Pair<>(name, child.getValue()));
      }
    }
    try (NDManager step = trainer.getManager().newSubManager();
        GradientCollector collector = trainer.newGradientCollector()) {
      images.tempAttach(step);
      NDList x = new NDList(images);
      for (Pair<String, Block> row : main) {
        long start = System.nanoTime();
        x = row.getValue().forward(parameters, x, true);
        add(rows, row.getKey(), System.nanoTime() - start);
        for (Pair<String, Block> aux : auxAfter.getOrDefault(row.getKey(), List.of())) {
          start = System.nanoTime();
          aux.getValue().forward(parameters, x, true);
          add(rows, aux.getKey(), System.nanoTime() - start);
        }
      }
    }
  }

  /** The row an auxiliary classifier reads (its generated class has {@code attachedTo()}), else null. */
  private static String attachedTo(Block block) {
    try {
      return (String) block.getClass().getMethod("attachedTo").invoke(block);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static void add(Map<String, List<Double>> map, String key, long nanos) {
    map.computeIfAbsent(key, k -> new ArrayList<>()).add(nanos / 1e6);
  }

  private static String json(Map<String, List<Double>> map) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, List<Double>> entry : map.entrySet()) {
      out.append(out.length() == 1 ? "" : ",").append('"').append(entry.getKey()).append("\":[");
      List<Double> values = entry.getValue();
      for (int i = 0; i < values.size(); i++) {
        out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", values.get(i)));
      }
      out.append(']');
    }
    return out.append('}').toString();
  }
}
