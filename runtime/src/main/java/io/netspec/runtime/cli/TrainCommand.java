package io.netspec.runtime.cli;

import io.netspec.blocks.Precision;
import io.netspec.runtime.data.Augmentation;
import io.netspec.dsl.spec.TrainingRecipe;
import io.netspec.runtime.data.DataSource;
import io.netspec.runtime.data.FolderOptions;
import io.netspec.runtime.data.ImageShape;
import io.netspec.runtime.data.TrainingData;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.ModelType;
import io.netspec.runtime.models.Network;
import io.netspec.runtime.train.DeviceChoice;
import io.netspec.runtime.train.LearningRateSchedule;
import io.netspec.runtime.train.OptimizerChoice;
import io.netspec.runtime.train.RecipeOptions;
import io.netspec.runtime.train.StartingWeights;
import io.netspec.runtime.train.ResumeTarget;
import io.netspec.runtime.train.TrainingResult;
import io.netspec.runtime.train.TrainingSession;
import io.netspec.runtime.train.TrainingSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code netspec train}: trains a generated network, or one built from a spec file at run time, and records the
 * run.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Trains a generated network (--model), or one built from a spec file at run time without the Maven build "
          + "(--spec), on Fashion-MNIST or a folder of images, scoring the held-out images after every epoch, and "
          + "records the run in a new folder <output>/train-N.",
      "Without options: the small googlenet-fashion on the embedded 8,000 + 2,000 image sample."})
final class TrainCommand implements Callable<Integer> {

  /** The options {@code --resume} can be combined with; the others come from the run's {@code run.json}. */
  private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--epochs", "--device", "--workers",
      "--replicas");

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", paramLabel = "M", defaultValue = "googlenet-fashion",
      description = "network: spec file stem, spec file name or class name (default: ${DEFAULT-VALUE}); "
          + "see `netspec models`")
  private String model;

  @Option(names = "--spec", paramLabel = "FILE",
      description = "a spec file whose network to build at run time, without the Maven build: the same network "
          + "as the class generated from it (instead of --model)")
  private Path specFile;

  @Option(names = "--data", paramLabel = "D",
      description = "IDX folder (train-/t10k- images and labels, .gz or not), `fashion-mnist` for the full set "
          + "in /usr/share/datasets/fashion-mnist, or a folder of JPEG/PNG images: DIR/train/<class>/ with "
          + "DIR/val/<class>/ (and optionally DIR/test/<class>/), or DIR/<class>/ split by --val-split; "
          + "default: the embedded sample")
  private String data;

  @Option(names = "--epochs", paramLabel = "N",
      description = "epochs in all, with --resume counting those done (default: the spec's training: recipe, "
          + "else 4)")
  private Integer epochs;

  @Option(names = "--batch-size", paramLabel = "B",
      description = "images per step, over all devices (default: the recipe's, else 64)")
  private Integer batchSize;

  @Option(names = "--optimizer", paramLabel = "O",
      description = "sgd (momentum 0.9) or adam (default: the recipe's, else sgd)")
  private OptimizerChoice optimizer;

  @Option(names = "--lr", paramLabel = "X",
      description = "base learning rate (default: the recipe's, else 0.1 for sgd, 0.002 for adam)")
  private Float learningRate;

  @Option(names = "--schedule", paramLabel = "S",
      description = "constant, step (x0.96 every 8 epochs, as the paper), cosine, or onecycle (from lr/25 up to "
          + "lr over the first 30%% of the run, then a cosine down to 0) (default: the recipe's, else cosine)")
  private LearningRateSchedule schedule;

  @Option(names = "--warmup", paramLabel = "N",
      description = "epochs of linear warm-up from zero before the schedule (default: the recipe's, else 0)")
  private Integer warmupEpochs;

  @Option(names = "--weight-decay", paramLabel = "W",
      description = "L2 weight decay (default: the recipe's, else 0)")
  private Float weightDecay;

  @Option(names = "--label-smoothing", paramLabel = "S",
      description = "share of every target spread over all classes (default: the recipe's, else 0)")
  private Float labelSmoothing;

  @Option(names = "--clip", paramLabel = "C",
      description = "clip every gradient element to [-C, C] (default: the recipe's, else no clipping)")
  private Float gradientClip;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "default: ${DEFAULT-VALUE}")
  private int seed;

  @Option(names = "--device", paramLabel = "D", converter = DeviceConverter.class,
      description = "auto (first GPU, else CPU), cpu, gpu (every GPU) or gpu:0,1 (default: auto)")
  private DeviceChoice device;

  @Option(names = "--image-size", paramLabel = "N",
      description = "side that image-folder images are decoded to, before the crop and resize to the "
          + "network's input (default: the recipe's, else the network's input side)")
  private Integer imageSize;

  @Option(names = "--augment", paramLabel = "A", converter = AugmentationConverter.class,
      description = "none, flip, crop (random resized crop) or crop+flip (default: the recipe's, else none)")
  private Augmentation augmentation;

  @Option(names = "--val-split", paramLabel = "F", defaultValue = "0.1",
      description = "share of every class of a flat DIR/<class>/ folder held out for validation, drawn with a "
          + "fixed seed and written to the run folder (default: ${DEFAULT-VALUE}); not used with train/ + val/")
  private double valSplit;

  @Option(names = "--workers", paramLabel = "N",
      description = "threads that decode images and make batches ahead of training (default: the cores)")
  private Integer workers;

  @Option(names = "--replicas", paramLabel = "N",
      description = "on the CPU, split each batch into N parts trained side by side, each on one core, instead of "
          + "sharing the cores within each operation: faster for small networks (googlenet-fashion), not repeatable "
          + "bit for bit (dropout masks are drawn in the threads' order); kept by --resume unless given "
          + "(default: 1)")
  private Integer replicas;

  @Option(names = "--weights", paramLabel = "RUN|FILE",
      description = "start from trained weights: a run folder (its best.params; with another class count only "
          + "the classifier heads start afresh), a .params file of this network, or a .safetensors file under "
          + "its spec's tensor names (e.g. torchvision's googlenet converted by "
          + "tools/torchvision/convert_googlenet.py; with another class count, all but the class scores)")
  private Path weights;

  @Option(names = "--freeze", paramLabel = "ROW",
      description = "freeze every row of the main path up to and including ROW (e.g. inception_4e)")
  private String freeze;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "runs",
      description = "where run folders are created (default: ${DEFAULT-VALUE})")
  private Path output;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "use only the first N images of each split (default: all)")
  private int limit;

  @Option(names = "--aux", negatable = true, paramLabel = "BOOL",
      description = "train the auxiliary classifiers (--no-aux: without them; default: as the spec has them)")
  private Boolean auxClassifiers;

  @Option(names = "--precision", paramLabel = "P",
      description = "fp32, or bf16: mixed precision, convolutions and matrix products in bfloat16, parameters, "
          + "BatchNorm statistics and the loss in FP32 (default: fp32; kept by --resume)")
  private Precision precision;

  @Option(names = "--resume", paramLabel = "RUN",
      description = "continue the run in folder RUN from its last complete epoch, up to --epochs in all; "
          + "only --epochs, --device, --workers and --replicas may be given with it")
  private Path resume;

  @Override
  public Integer call() throws Exception {
    TrainingResult result = resume != null ? resumeRun() : newRun();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("done in %.0f s: best val_accuracy %.2f%% (epoch %d), last %.2f%%; %s%n",
        result.seconds(), 100 * result.best().validationAccuracy(), result.bestEpoch(),
        100 * result.last().validationAccuracy(), result.folder());
    out.flush();
    return 0;
  }

  private TrainingResult newRun() throws Exception {
    if (specFile != null && spec.commandLine().getParseResult().hasMatchedOption("--model")) {
      throw new ParameterException(spec.commandLine(), "--spec and --model are mutually exclusive; give one");
    }
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be zero (all) or positive, not " + limit);
    }
    FolderOptions folderOptions = validated(() -> new FolderOptions(valSplit, Optional.empty(), workerCount()));
    ModelType type = specFile != null ? ModelType.ofSpecFile(specFile) : ModelCatalog.generated().find(model);
    TrainingRecipe recipe = type.training();
    RecipeOptions options = recipeOptions();
    TrainingSettings settings = validated(() -> options.resolve(recipe, seed,
        device == null ? DeviceChoice.parse("auto") : device, workerCount())
        .withPrecision(precision != null ? precision : Precision.FP32)
        .withReplicas(replicas != null ? replicas : 1));
    DataSource source = DataSource.resolve(data, imageShape(type, options.imageSide(recipe)), folderOptions);
    TrainingData trainingData = load(source, limit);
    Network network = type.build(Optional.of(trainingData.classNames().size()), Optional.ofNullable(auxClassifiers));
    // everything that can be wrong with the arguments is found before the run folder is made
    StartingWeights startingWeights = null;
    if (weights != null) {
      startingWeights = StartingWeights.read(weights, network);
      startingWeights.check(network);
    }
    List<String> frozen = freeze == null ? List.of() : validated(() -> StartingWeights.freeze(network, freeze));
    return session(network, trainingData, settings).startFrom(startingWeights, frozen).run(output);
  }

  private TrainingResult resumeRun() throws Exception {
    List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
        .map(OptionSpec::longestName).filter(name -> !RESUME_OPTIONS.contains(name)).toList();
    if (!others.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "--resume takes the run's own settings; only --epochs, --device, --workers and --replicas may be given "
              + "with it, not " + others);
    }
    ResumeTarget target = ResumeTarget.read(resume);
    TrainingSettings recorded = target.settings();
    TrainingSettings settings = validated(() -> recorded.withEpochs(epochs != null ? epochs : recorded.epochs())
        .withDevices(device != null ? device : recorded.devices())
        .withWorkers(workers != null ? workers : FolderOptions.defaultWorkers())
        .withReplicas(replicas != null ? replicas : recorded.replicas()));
    TrainingData trainingData = load(DataSource.resolve(target.dataArgument(), target.imageShape(),
        target.folderOptions(workerCount())), target.limit());
    Network network = target.modelType().build(Optional.of(target.classes()), Optional.of(target.auxClassifiers()));
    List<String> frozen = target.lastFrozenRow().map(row -> StartingWeights.freeze(network, row)).orElse(List.of());
    return session(network, trainingData, settings).startFrom(null, frozen)
        .resume(target.folder(), target.checkpoint());
  }

  private TrainingSession session(Network network, TrainingData trainingData, TrainingSettings settings) {
    return new TrainingSession(network, trainingData, settings, spec.commandLine().getOut(), System.console() != null);
  }

  /** Loads the data, reporting each unreadable file on the error stream and their count at the end. */
  private TrainingData load(DataSource source, int imageLimit) throws Exception {
    TrainingData loaded = TrainingData.load(source, imageLimit);
    List<String> skipped = source.skipped();
    if (!skipped.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      skipped.forEach(problem -> err.println("netspec: warning: skipped " + problem));
      err.printf("netspec: warning: %d unreadable image file(s) skipped%n", skipped.size());
      err.flush();
    }
    return loaded;
  }

  private ImageShape imageShape(ModelType type, Optional<Integer> side) {
    if (side.isPresent() && (side.get() < 1 || side.get() > ImageShape.MAX_SIDE)) {
      throw new ParameterException(spec.commandLine(),
          "--image-size must be 1 to " + ImageShape.MAX_SIDE + " (pixels per side), not " + side.get());
    }
    int channels = (int) type.inputShape().get(0);
    int height = side.orElse((int) type.inputShape().get(1));
    int width = side.orElse((int) type.inputShape().get(2));
    return validated(() -> new ImageShape(channels == 1 ? 1 : 3, height, width));
  }

  private RecipeOptions recipeOptions() {
    return new RecipeOptions(epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay,
        augmentation, labelSmoothing, gradientClip, imageSize);
  }

  private int workerCount() {
    if (workers != null && workers < 1) {
      throw new ParameterException(spec.commandLine(), "--workers must be at least 1, not " + workers);
    }
    return workers != null ? workers : FolderOptions.defaultWorkers();
  }

  /** The value {@code make} makes, its {@link IllegalArgumentException} turned into a usage error. */
  private <T> T validated(Supplier<T> make) {
    try {
      return make.get();
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

  /** Parses {@code --augment} so that a malformed value is a usage error. */
  static final class AugmentationConverter implements ITypeConverter<Augmentation> {
    @Override
    public Augmentation convert(String value) {
      try {
        return Augmentation.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
