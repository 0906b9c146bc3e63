package io.netspec.runtime.cli;

import io.netspec.runtime.data.DataSource;
import io.netspec.runtime.data.FashionMnist;
import io.netspec.runtime.data.TrainingData;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.Network;
import io.netspec.runtime.train.DeviceChoice;
import io.netspec.runtime.train.LearningRateSchedule;
import io.netspec.runtime.train.OptimizerChoice;
import io.netspec.runtime.train.TrainingResult;
import io.netspec.runtime.train.TrainingSession;
import io.netspec.runtime.train.TrainingSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code netspec train}: trains a generated network on Fashion-MNIST and records the run. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Trains a generated network on Fashion-MNIST, scoring the held-out images after every epoch, and "
          + "records the run in a new folder <output>/train-N.",
      "Without options: the small googlenet-fashion on the embedded 8,000 + 2,000 image sample."})
final class TrainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", paramLabel = "M", defaultValue = "googlenet-fashion",
      description = "network: spec file stem, spec file name or class name (default: ${DEFAULT-VALUE}); "
          + "see `netspec models`")
  private String model;

  @Option(names = "--data", paramLabel = "D",
      description = "IDX folder (train-/t10k- images and labels, .gz or not); `fashion-mnist` for the full set "
          + "in " + "/usr/share/datasets/fashion-mnist; default: the embedded sample")
  private String data;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "4", description = "default: ${DEFAULT-VALUE}")
  private int epochs;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64",
      description = "images per step, over all devices (default: ${DEFAULT-VALUE})")
  private int batchSize;

  @Option(names = "--optimizer", paramLabel = "O", defaultValue = "sgd",
      description = "sgd (momentum 0.9) or adam (default: ${DEFAULT-VALUE})")
  private OptimizerChoice optimizer;

  @Option(names = "--lr", paramLabel = "X",
      description = "base learning rate (default: 0.1 for sgd, 0.002 for adam)")
  private Float learningRate;

  @Option(names = "--schedule", paramLabel = "S", defaultValue = "cosine",
      description = "constant, step (x0.96 every 8 epochs, as the paper) or cosine (default: ${DEFAULT-VALUE})")
  private LearningRateSchedule schedule;

  @Option(names = "--weight-decay", paramLabel = "W", defaultValue = "0",
      description = "L2 weight decay (default: ${DEFAULT-VALUE})")
  private float weightDecay;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "default: ${DEFAULT-VALUE}")
  private int seed;

  @Option(names = "--device", paramLabel = "D", defaultValue = "auto", converter = DeviceConverter.class,
      description = "auto (first GPU, else CPU), cpu, gpu (every GPU) or gpu:0,1 (default: ${DEFAULT-VALUE})")
  private DeviceChoice device;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "runs",
      description = "where run folders are created (default: ${DEFAULT-VALUE})")
  private Path output;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "use only the first N images of each split (default: all)")
  private int limit;

  @Option(names = "--aux", negatable = true, paramLabel = "BOOL",
      description = "train the auxiliary classifiers (--no-aux: without them; default: as the spec has them)")
  private Boolean auxClassifiers;

  @Override
  public Integer call() throws Exception {
    TrainingSettings settings = settings();
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be zero (all) or positive, not " + limit);
    }
    Network network = ModelCatalog.generated().find(model)
        .build(Optional.of(FashionMnist.classes()), Optional.ofNullable(auxClassifiers));
    TrainingData trainingData = TrainingData.load(DataSource.resolve(data), limit);
    PrintWriter out = spec.commandLine().getOut();
    TrainingResult result =
        new TrainingSession(network, trainingData, settings, out, System.console() != null).run(output);
    out.printf("done in %.0f s: best held-out accuracy %.2f%% (epoch %d), last %.2f%%; %s%n",
        result.seconds(), 100 * result.best().validationAccuracy(), result.bestEpoch(),
        100 * result.last().validationAccuracy(), result.folder());
    out.flush();
    return 0;
  }

  private TrainingSettings settings() {
    try {
      return new TrainingSettings(epochs, batchSize, optimizer,
          learningRate == null ? optimizer.defaultLearningRate() : learningRate, schedule, weightDecay, seed,
          device);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** Parses {@code --device} so that a malformed value is a usage error. */
  static final class DeviceConverter implements ITypeConverter<DeviceChoice> {
    @Override
    public DeviceChoice convert(String value) {
      try {
        return DeviceChoice.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
