package io.netspec.runtime.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.export.onnx.OnnxExporter;
import io.netspec.export.onnx.OnnxFiles;
import io.netspec.export.onnx.OnnxMetadata;
import io.netspec.runtime.eval.TrainedRun;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.ModelType;
import io.netspec.runtime.models.Network;
import io.netspec.runtime.specs.SpecArguments;
import io.netspec.runtime.weights.WeightsFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netspec export RUN|SPEC|MODEL --format onnx|safetensors [-o FILE]}: a trained run's network (or an untrained one
 * of a spec, seeded) in a format other tools read. The file is written whole or not at all.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Exports a run's network, or an untrained (seeded) network of a spec, for other tools.",
        "onnx: the inference network (no auxiliary classifiers) as an ONNX model, opset 13: input 'images' "
            + "(N, C, H, W) normalised as in training, output 'logits' (N, classes); class names and the "
            + "normalisation in its metadata.",
        "safetensors: its parameters under the names PyTorch gives them (the spec's tensor names; torchvision's "
            + "state_dict keys for googlenet-torchvision), for `train/eval/predict --weights` and for PyTorch "
            + "(default file: RUN/best.safetensors, after --params)."})
final class ExportCommand implements Callable<Integer> {

  /** The formats a network is exported to. */
  enum Format {
    /** The inference network as an ONNX model. */
    onnx(".onnx"),
    /** The parameters under the spec's tensor names, as {@link WeightsFile} writes them. */
    safetensors(WeightsFile.SUFFIX);

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    /**
     * The output file's default name: the network's {@code stem} for a model, the parameters' name
     * ({@code best}, {@code last}) for parameters alone.
     */
    String fileName(String stem, String parameters) {
      return (this == safetensors ? parameters : stem) + extension;
    }
  }

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN|SPEC|MODEL",
      description = "a run folder (runs/train-1), a spec file (specs/googlenet.yaml) or a generated network "
          + "(googlenet-fashion)")
  private String source;

  @Option(names = "--format", required = true, paramLabel = "F",
      description = "the file format: ${COMPLETION-CANDIDATES}")
  private Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "the output file (default: in the run folder, or the current folder for a spec, named "
          + "after the network)")
  private Path output;

  @Option(names = "--params", paramLabel = "P", defaultValue = "best",
      description = "best or last: which epoch's parameters of a run (default: ${DEFAULT-VALUE})")
  private EvalCommand.ParameterChoice params;

  @Option(names = "--classes", paramLabel = "N",
      description = "the number of classes of an untrained network (default: the spec's)")
  private Integer classes;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "the random seed of an untrained network's parameters (default: ${DEFAULT-VALUE})")
  private int seed;

  @Option(names = "--no-fold",
      description = "onnx: keep BatchNormalization nodes with the trained parameters instead of folding them "
          + "into the convolutions' weights (safetensors files always hold the parameters as trained)")
  private boolean noFold;

  @Override
  public Integer call() throws Exception {
    if (classes != null) {
      Options.requirePositive(spec, "--classes", classes);
    }
    Path folder = Path.of(source);
    Path file = Files.isDirectory(folder) ? exportRun(folder) : exportUntrained();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: %d bytes (%s)%n", file, Files.size(file), format.name().toUpperCase(Locale.ROOT));
    out.flush();
    return 0;
  }

  private Path exportRun(Path folder) throws Exception {
    Path parameters = folder.resolve(params.fileName() + ".params");
    if (!Files.isRegularFile(parameters)
        && !Files.isRegularFile(folder.resolve(params.fileName() + WeightsFile.SUFFIX))) {
      throw new NoSuchFileException(parameters.toString(), null, "no parameters in this run folder");
    }
    try (TrainedRun run = TrainedRun.open(folder, params.fileName())) {
      Network network = run.network();
      Path file = output != null ? output : folder.resolve(format.fileName(network.type().stem(), params.fileName()));
      NetworkAnalysis analysis = SpecArguments.analyzeModel(network.type());
      OnnxMetadata metadata = new OnnxMetadata(run.classes(), run.transform().mean(), run.transform().std(),
          network.type().specFile(), network.type().specSha256());
      write(analysis, network, metadata, file);
      return file;
    }
  }

  private Path exportUntrained() throws Exception {
    NetworkAnalysis analysis = SpecArguments.analyze(source); // a located error for a bad spec, or a missing file
    Path file = Path.of(source);
    ModelType type = Files.isRegularFile(file) ? ModelType.ofSpecFile(file) : ModelCatalog.generated().find(source);
    Engine.getInstance().setRandomSeed(seed);
    Network network = type.build(Optional.ofNullable(classes), Optional.of(false));
    try (NDManager manager = NDManager.newBaseManager()) {
      network.initialize(manager);
      OnnxMetadata metadata = new OnnxMetadata(OnnxMetadata.numberedClasses(network.classes()), 0, 1,
          type.specFile(), type.specSha256());
      Path target = output != null ? output : Path.of(format.fileName(type.stem(), type.stem()));
      write(analysis, network, metadata, target);
      return target;
    }
  }

  private void write(NetworkAnalysis analysis, Network network, OnnxMetadata metadata, Path file) throws Exception {
    switch (format) {
      case onnx -> OnnxFiles.write(OnnxExporter.export(analysis, network.block(), metadata, !noFold), file);
      case safetensors -> WeightsFile.export(network, file);
    }
  }
}
