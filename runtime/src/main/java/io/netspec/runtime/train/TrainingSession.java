package io.netspec.runtime.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import com.google.gson.JsonObject;
import io.netspec.report.run.RunLayout;
import io.netspec.runtime.data.Augmentation;
import io.netspec.runtime.data.ImageDataset;
import io.netspec.runtime.data.ImageFolder;
import io.netspec.runtime.data.ImageTransform;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.data.TrainingData;
import io.netspec.runtime.eval.JsonFiles;
import io.netspec.runtime.eval.Scores;
import io.netspec.runtime.models.Network;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Trains one network on one data set with DJL's {@link Trainer}, scoring the held-out images after every
 * epoch, and records the run in a run folder: {@code run.json} (model, spec file and SHA-256, data, settings,
 * engine, devices, outcome), the spec files, {@code class_indices.json}, {@code metrics.jsonl},
 * {@code plot.png}, the parameters of the last and the best epoch as {@code last.params} and
 * {@code best.params}, and the best epoch's held-out {@code confusion.json}. A run can be resumed from its
 * last complete epoch ({@link Checkpoint}).
 */
public final class TrainingSession {

  /** Batches DJL makes ahead of the one training, per loading thread. */
  private static final int PREFETCH_PER_WORKER = 2;

  private final Network network;
  private final TrainingData data;
  private final TrainingSettings settings;
  private final PrintWriter console;
  private final boolean interactive;
  private final ClassifierLoss loss;
  /** The CPU replicas of the run in progress with {@code --replicas} 2 or more, else null. */
  private CpuReplicas replicas;
  private StartingWeights weights;
  private List<String> frozen = List.of();

  /**
   * @param console where progress goes
   * @param interactive whether the console is a terminal, so that progress can be redrawn in place
   */
  public TrainingSession(Network network, TrainingData data, TrainingSettings settings, PrintWriter console,
      boolean interactive) {
    this.network = network;
    this.data = data;
    this.settings = settings;
    this.console = console;
    this.interactive = interactive;
    this.loss = new ClassifierLoss(network.auxLossWeights(), settings.labelSmoothing());
  }

  /**
   * Starts a new run from trained weights instead of random ones, and records the rows frozen
   * ({@link StartingWeights#freeze}) beforehand.
   *
   * @param startingWeights the weights, or null for random ones
   * @param frozenRows the rows frozen, empty for none
   */
  public TrainingSession startFrom(StartingWeights startingWeights, List<String> frozenRows) {
    this.weights = startingWeights;
    this.frozen = List.copyOf(frozenRows);
    return this;
  }

  /**
   * Trains, writing the run into a new folder under {@code runsFolder}, locked while it is written. The devices
   * (and that replicas run on the CPU) are checked before the folder is made, and a run that fails before its
   * first epoch is complete (a full disk, an engine that cannot start) removes its folder: no empty run folder is
   * left behind.
   */
  public TrainingResult run(Path runsFolder) throws IOException, TranslateException {
    devices(Engine.getInstance()); // fails before a folder is made
    RunFolder folder = RunFolder.create(runsFolder, RunLayout.TRAIN_KIND);
    boolean keep = false;
    try (RunLock lock = RunLock.acquire(folder.path())) {
      TrainingResult result = train(folder, Checkpoint.START);
      keep = true;
      return result;
    } catch (TrainingDivergedException e) {
      keep = true; // a run that started and diverged keeps its record (run.json's "diverged"), even before an epoch
      throw e;
    } finally {
      if (!keep && !folder.hasEpoch()) {
        folder.delete(); // a run that failed before it started (devices, disk) leaves no folder
      }
    }
  }

  /**
   * Continues the run in {@code folder} after the epochs of {@code checkpoint}, up to the settings' epochs:
   * parameters, epoch, learning-rate schedule position and best epoch so far are restored; the optimizer's
   * momentum (SGD) or moments (Adam) start again from zero, since DJL keeps them in private fields. The random
   * generators are seeded with the seed plus the epochs done, so a resumed run is reproducible, though not the
   * same as an uninterrupted one.
   */
  public TrainingResult resume(RunFolder folder, Checkpoint checkpoint) throws IOException, TranslateException {
    if (checkpoint.epoch() >= settings.epochs()) {
      throw new IllegalArgumentException(folder.path() + " has done " + checkpoint.epoch() + " of its "
          + settings.epochs() + " epochs; give --epochs above " + checkpoint.epoch() + " to train further");
    }
    try (RunLock lock = RunLock.acquire(folder.path())) {
      folder.removeTemporaries();
      return train(folder, Checkpoint.read(folder.path())); // read again, now that no other process writes it
    }
  }

  private TrainingResult train(RunFolder folder, Checkpoint from) throws IOException, TranslateException {
    long start = System.nanoTime();
    Engine engine = Engine.getInstance();
    engine.setRandomSeed(settings.seed() + from.epoch());
    Device[] devices = devices(engine);
    Shape input = network.type().inputShape();
    ImageTransform transform = data.transformFor((int) input.get(0), (int) input.get(1), (int) input.get(2));
    ImageDataset train = dataset(data.train(), transform, true, settings.augmentation(), settings.seed() + from.epoch());
    ImageDataset test = dataset(data.test(), transform, false, Augmentation.NONE, 0);
    int stepsPerEpoch = (int) ((train.size() + settings.batchSize() - 1) / settings.batchSize());
    Tracker learningRate = settings.learningRatePlan().tracker(stepsPerEpoch, devices.length, from.epoch());
    ExecutorService loader = Executors.newFixedThreadPool(settings.workers(), task -> {
      Thread thread = new Thread(task, "netspec-data");
      thread.setDaemon(true);
      return thread;
    });
    DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
        .optOptimizer(settings.optimizer().create(learningRate, settings.weightDecay(), settings.gradientClip()))
        .optDevices(devices)
        .optExecutorService(loader);
    JsonObject checksums = new JsonObject();
    try (Model model = newModel(devices[0])) {
      if (!from.isStart()) {
        JsonObject previous = JsonFiles.readObject(folder.path().resolve(RunLayout.RUN_JSON));
        checksums = ParameterFiles.recorded(previous);
        ParameterFiles.load(model, RunLayout.parameters(folder.path(), from.parameters()), previous,
            network.batchShape(1));
      }
      Map<String, String> shown = StartingWeights.displayNames(network.block());
      List<String> fresh = (weights != null && from.isStart() ? weights.applyTo(network, model) : List.<String>of())
          .stream().map(name -> shown.getOrDefault(name, name)).toList();
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(network.batchShape(1));
        if (settings.replicas() > 1) {
          replicas = new CpuReplicas(settings.replicas(), network.block());
        }
        JsonObject description = RunDescription.describe(network, data, settings, devices, engine);
        RunDescription.addStart(description, weights == null ? null : weights.origin(), fresh, frozen);
        console.printf("%s %s on %s%s; %s, %,d trainable parameters%n", engine.getEngineName(),
            engine.getVersion(), DeviceChoice.describe(devices),
            replicas == null ? "" : " (" + settings.replicas() + " replicas, one core each)",
            network.type().displayName(),
            network.trainableParameters());
        console.printf("data: %s, %,d training and %,d held-out images; run folder %s%n",
            data.source().description(), data.train().count(), data.test().count(), folder.path());
        console.printf("recipe: %s%n", settings.describe());
        if (weights != null && from.isStart()) {
          console.printf("weights: %s%s%n", weights.origin(), fresh.isEmpty() ? ""
              : "; re-initialised for " + network.classes() + " classes: " + String.join(", ", fresh));
        }
        if (!frozen.isEmpty()) {
          console.printf("frozen: %s (%,d parameters left to train)%n", String.join(", ", frozen),
              network.trainableParameters());
        }
        if (from.isStart()) {
          writeStartFiles(folder, description);
        } else {
          console.printf("resuming after epoch %d of %d (best so far: epoch %d)%n", from.epoch(),
              settings.epochs(), from.bestEpoch());
        }
        List<EpochMetrics> epochs = new ArrayList<>(from.metrics());
        int best = from.bestEpoch();
        TrainingResult result = null;
        for (int epoch = from.epoch() + 1; epoch <= settings.epochs(); epoch++) {
          Scores heldOut = new Scores(data.classNames());
          try {
            epochs.add(trainEpoch(trainer, train, test, epoch, learningRate, stepsPerEpoch, from, heldOut));
          } catch (TrainingDivergedException e) {
            JsonObject diverged = result == null ? description.deepCopy()
                : RunDescription.withResult(description, result);
            diverged.add(ParameterFiles.RECORD, checksums.deepCopy());
            diverged.addProperty("diverged", e.getMessage());
            folder.writeJson(RunLayout.RUN_JSON, diverged);
            throw new TrainingDivergedException(e.getMessage() + "; " + lastGood(folder, best, epochs.size()));
          }
          best = recordEpoch(model, folder, epochs, best, heldOut, checksums);
          result = new TrainingResult(folder.path(), epochs, best, from.seconds() + seconds(start));
          JsonObject record = RunDescription.withResult(description, result);
          record.add(ParameterFiles.RECORD, checksums.deepCopy());
          folder.writeJson(RunLayout.RUN_JSON, record);
          stopIfDiverged(epochs.get(epochs.size() - 1), folder, best);
        }
        return result;
      }
    } finally {
      loader.shutdownNow();
      if (replicas != null) {
        replicas.close();
        replicas = null;
      }
    }
  }

  /** The devices to train on; replicas only on the CPU alone. */
  private Device[] devices(Engine engine) {
    Device[] devices = settings.devices().resolve(engine);
    if (settings.replicas() > 1 && !(devices.length == 1 && Device.Type.CPU.equals(devices[0].getDeviceType()))) {
      throw new IllegalArgumentException("--replicas splits each batch over the CPU's cores, but this run trains on "
          + DeviceChoice.describe(devices) + " (several GPUs: --device gpu:0,1; the CPU: --device cpu)");
    }
    return devices;
  }

  /** Ends a run whose held-out figures are no longer numbers: further epochs would only repeat it. */
  private void stopIfDiverged(EpochMetrics metrics, RunFolder folder, int best) {
    if (!metrics.isFinite()) {
      throw new TrainingDivergedException(String.format(
          "training diverged in epoch %d (held-out loss %s at learning rate %s); %s; %s", metrics.epoch(),
          metrics.validationLoss(), settings.learningRate(), divergenceHint(),
          lastGood(folder, best, metrics.epoch() - 1)));
    }
  }

  /** Where the last good checkpoint of a diverged run is, in words. */
  private static String lastGood(RunFolder folder, int best, int epochsDone) {
    if (epochsDone == 0) {
      return "no epoch completed, so " + folder.path() + " holds no checkpoint";
    }
    return "the last good checkpoint is " + RunLayout.parameters(folder.path(), RunLayout.LAST) + " (epoch " + epochsDone
        + "), the best " + RunLayout.parameters(folder.path(), RunLayout.BEST) + " (epoch " + best + ")";
  }

  /** The hint of a divergence message. */
  private String divergenceHint() {
    return String.format("lower the learning rate (--lr %s), add warm-up (--warmup 1)%s", settings.learningRate() / 10,
        settings.gradientClip() > 0 ? "" : " or clip gradients (--clip 1)");
  }

  private ImageDataset dataset(LabeledImages images, ImageTransform transform, boolean shuffle,
      Augmentation augmentation, long seed) {
    return ImageDataset.builder(images, transform).setSampling(settings.batchSize(), shuffle)
        .optAugmentation(augmentation, seed).optPrefetchNumber(PREFETCH_PER_WORKER * settings.workers()).build();
  }

  private Model newModel(Device device) {
    Model model = Model.newInstance(network.type().stem(), device);
    network.setPrecision(settings.precision()); // training and the held-out scoring alike
    model.setBlock(network.block());
    return model;
  }

  /**
   * Writes the metrics so far, the best parameters and their confusion matrix if this epoch improved the
   * held-out accuracy, the last epoch's parameters and the plot, in the order {@link Checkpoint} relies on, and
   * records the parameter files' checksums in {@code checksums}.
   *
   * @return the best epoch so far
   */
  private int recordEpoch(Model model, RunFolder folder, List<EpochMetrics> epochs, int best, Scores heldOut,
      JsonObject checksums) throws IOException {
    EpochMetrics metrics = epochs.get(epochs.size() - 1);
    folder.writeText(RunLayout.METRICS, EpochMetrics.toJsonLines(epochs));
    model.setProperty("Epoch", Integer.toString(metrics.epoch()));
    // trainEpoch stops at a non-finite loss, so every epoch here is finite; the check keeps it so
    boolean improved = metrics.isFinite()
        && (best == 0 || metrics.validationAccuracy() > epochs.get(best - 1).validationAccuracy());
    if (improved) {
      folder.saveParameters(model, RunLayout.BEST);
      ParameterFiles.record(checksums, folder.path(), RunLayout.BEST, metrics.epoch());
      folder.writeJson(RunLayout.CONFUSION, heldOut.confusion().toJson());
    }
    folder.saveParameters(model, RunLayout.LAST);
    ParameterFiles.record(checksums, folder.path(), RunLayout.LAST, metrics.epoch());
    folder.writeBytes(RunLayout.PLOT, MetricsPlot.png(epochs));
    console.printf("  %s %.4f, %s %.2f%%, val_top%d %.2f%%%s%n", EpochMetrics.VAL_LOSS, metrics.validationLoss(),
        EpochMetrics.VAL_ACCURACY, 100 * metrics.validationAccuracy(), Scores.TOP_K, 100 * heldOut.topK(),
        improved ? " (best so far)" : "");
    return improved ? metrics.epoch() : best;
  }

  private void writeStartFiles(RunFolder folder, JsonObject description) throws IOException {
    folder.writeJson(RunLayout.RUN_JSON, description);
    folder.writeJson(RunLayout.CLASS_INDICES, RunDescription.classIndices(data.classNames()));
    if (data.source() instanceof ImageFolder images) {
      folder.writeJson(RunLayout.SPLIT, images.splitRecord());
    }
    for (Map.Entry<String, String> spec : network.type().specSources().entrySet()) {
      folder.writeText(RunLayout.SPEC_FOLDER + "/" + spec.getKey(), spec.getValue());
    }
  }

  private EpochMetrics trainEpoch(Trainer trainer, Dataset train, Dataset test, int epoch,
      Tracker learningRate, int stepsPerEpoch, Checkpoint from, Scores heldOutScores)
      throws IOException, TranslateException {
    long start = System.nanoTime();
    List<String> auxNames = network.auxNames();
    EpochTally tally = new EpochTally(1 + auxNames.size());
    ProgressBar bar = new ProgressBar(console, interactive,
        String.format("epoch %" + digits(settings.epochs()) + "d/%d", epoch, settings.epochs()),
        data.train().count());
    int step = 0;
    for (Batch batch : trainer.iterateDataset(train)) {
      step++;
      int stepNow = step;
      try (batch) {
        trainStep(trainer, batch, tally, head -> {
          int update = ((epoch - 1 - from.epoch()) * stepsPerEpoch + stepNow) * trainer.getDevices().length;
          bar.clear();
          return new TrainingDivergedException(String.format("training diverged in epoch %d, step %d of %d "
              + "(learning rate %.3g): %s is not finite; %s", epoch, stepNow, stepsPerEpoch,
              learningRate.getNewValue(update), head, divergenceHint()));
        });
      }
      bar.update(tally.seen(), figures(tally, auxNames, tally.seen() / seconds(start)));
    }
    double trainSeconds = seconds(start);
    double imagesPerSecond = tally.seen() / trainSeconds;
    bar.finish(tally.seen(), figures(tally, auxNames, imagesPerSecond));
    EpochTally heldOut = evaluate(trainer, test, data.test().count(), heldOutScores);
    if (!Double.isFinite(heldOut.meanLoss(0))) {
      throw new TrainingDivergedException(String.format("training diverged in epoch %d: %s on the held-out "
          + "images is %s, though the training losses were finite; %s", epoch, EpochMetrics.VAL_LOSS,
          heldOut.meanLoss(0), divergenceHint()));
    }
    Map<String, Double> auxLosses = new LinkedHashMap<>();
    double objective = tally.meanLoss(0);
    float[] weights = network.auxLossWeights();
    for (int i = 0; i < auxNames.size(); i++) {
      auxLosses.put(auxNames.get(i), tally.meanLoss(i + 1));
      objective += weights[i] * tally.meanLoss(i + 1);
    }
    int lastUpdate = (epoch - from.epoch()) * stepsPerEpoch * trainer.getDevices().length;
    return new EpochMetrics(epoch, objective, tally.meanLoss(0), auxLosses, tally.accuracy(),
        heldOut.meanLoss(0), heldOut.accuracy(), learningRate.getNewValue(lastUpdate), imagesPerSecond,
        seconds(start));
  }

  /**
   * One optimizer step: the batch is split over the devices, and each part's gradients are summed. A head loss
   * that is not finite stops training before the step, so that the parameters stay those of the last step.
   *
   * @param diverged makes the exception for the head whose loss is not finite, named as metrics.jsonl names it
   */
  private void trainStep(Trainer trainer, Batch batch, EpochTally tally,
      Function<String, TrainingDivergedException> diverged) {
    List<String> heads = headNames();
    if (replicas != null) {
      for (CpuReplicas.Part part : replicas.train(batch, loss)) {
        if (part.notFinite() >= 0) {
          throw diverged.apply(heads.get(part.notFinite()));
        }
        tally.add(part.headLosses(), part.predictions().head(), part.labels().head());
      }
      trainer.step();
      return;
    }
    try (GradientCollector collector = trainer.newGradientCollector()) {
      for (Batch part : batch.split(trainer.getDevices(), false)) {
        NDList labels = part.getLabels();
        NDList predictions = trainer.forward(part.getData(), labels);
        NDList headLosses = loss.headLosses(labels, predictions);
        for (int i = 0; i < headLosses.size(); i++) {
          if (!Float.isFinite(headLosses.get(i).getFloat())) {
            throw diverged.apply(heads.get(i));
          }
        }
        collector.backward(loss.combine(headLosses));
        tally.add(headLosses, predictions.head(), labels.head());
      }
    }
    trainer.step();
  }

  /** The names of the head losses, main first, as metrics.jsonl names them. */
  private List<String> headNames() {
    List<String> names = new ArrayList<>(List.of(EpochMetrics.MAIN_LOSS));
    names.addAll(network.auxNames()); // metrics.jsonl keeps them under aux_losses by these names
    return names;
  }

  /** The main classifier's loss, accuracy and scores on every held-out image, in inference mode. */
  private EpochTally evaluate(Trainer trainer, Dataset test, int images, Scores scores)
      throws IOException, TranslateException {
    EpochTally tally = new EpochTally(1);
    ProgressBar bar = new ProgressBar(console, interactive, "  held-out", images);
    for (Batch batch : trainer.iterateDataset(test)) {
      try (batch) {
        for (CpuReplicas.Part part : heldOutParts(trainer, batch)) {
          NDList labels = part.labels();
          NDList predictions = part.predictions();
          tally.add(loss.headLosses(labels, predictions), predictions.head(), labels.head());
          scores.add(predictions.head(), labels.head());
        }
      }
      bar.update(tally.seen(), String.format("%s %.2f%%", EpochMetrics.VAL_ACCURACY, 100 * tally.accuracy()));
    }
    bar.clear();
    return tally;
  }

  /** The network's inference outputs for a held-out batch: on the replicas side by side, else device by device. */
  private List<CpuReplicas.Part> heldOutParts(Trainer trainer, Batch batch) {
    if (replicas != null) {
      return replicas.evaluate(batch);
    }
    List<CpuReplicas.Part> parts = new ArrayList<>();
    for (Batch part : batch.split(trainer.getDevices(), false)) {
      parts.add(new CpuReplicas.Part(null, trainer.evaluate(part.getData()), part.getLabels(), -1));
    }
    return parts;
  }

  /** The progress bar's figures, named as metrics.jsonl names them. */
  private String figures(EpochTally tally, List<String> auxNames, double imagesPerSecond) {
    StringBuilder text = new StringBuilder();
    if (!auxNames.isEmpty()) {
      double objective = tally.meanLoss(0);
      float[] weights = network.auxLossWeights();
      for (int i = 0; i < auxNames.size(); i++) {
        objective += weights[i] * tally.meanLoss(i + 1);
      }
      text.append(String.format("%s %.4f  ", EpochMetrics.LOSS, objective));
    }
    text.append(String.format("%s %.4f", EpochMetrics.MAIN_LOSS, tally.meanLoss(0)));
    for (int i = 0; i < auxNames.size(); i++) {
      text.append(String.format("  %s %.4f", auxNames.get(i), tally.meanLoss(i + 1)));
    }
    return text.append(String.format("  %s %.2f%%  %.0f img/s", EpochMetrics.TRAIN_ACCURACY,
        100 * tally.accuracy(), imagesPerSecond)).toString();
  }

  private static double seconds(long startNanos) {
    return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }
}
