package io.netspec.runtime.cli;

import io.netspec.runtime.eval.TrainedRun;
import io.netspec.runtime.weights.WeightsFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netspec export RUN --format F}: a trained run's network in a format other tools read. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Writes a trained run's network in a format other tools read. safetensors: its parameters "
        + "under the names PyTorch gives them (the spec's tensor names; torchvision's state_dict keys for "
        + "googlenet-torchvision), for `train/eval/predict --weights` and for PyTorch."})
final class ExportCommand implements Callable<Integer> {

  /** The formats {@code export} writes. */
  enum Format {
    /** The parameters, as {@link WeightsFile} writes them. */
    SAFETENSORS(WeightsFile.SUFFIX);

    private final String suffix;

    Format(String suffix) {
      this.suffix = suffix;
    }

    /** The file name ending of the format, with its dot. */
    String suffix() {
      return suffix;
    }
  }

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "a run folder, e.g. runs/train-1")
  private Path run;

  @Option(names = "--format", paramLabel = "F", required = true,
      description = "the format to write: ${COMPLETION-CANDIDATES}")
  private Format format;

  @Option(names = "--params", paramLabel = "P", defaultValue = "best",
      description = "best or last: which epoch's parameters (default: ${DEFAULT-VALUE})")
  private EvalCommand.ParameterChoice params;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "the file to write (default: RUN/best.safetensors, after --params and --format)")
  private Path output;

  @Override
  public Integer call() throws Exception {
    Path file = output != null ? output : run.resolve(params.fileName() + format.suffix());
    try (TrainedRun trained = TrainedRun.open(run, params.fileName())) {
      WeightsFile.export(trained.network(), file);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s: %s's %s.params as %s, %,d bytes%n", file, trained.network().type().displayName(),
          params.fileName(), format.name().toLowerCase(java.util.Locale.ROOT), Files.size(file));
      out.flush();
    }
    return 0;
  }
}
