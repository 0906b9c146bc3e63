package io.netspec.runtime.cli;

import io.netspec.runtime.data.DataSource;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.data.Split;
import io.netspec.runtime.eval.Scores;
import io.netspec.runtime.eval.ScoresReport;
import io.netspec.runtime.eval.TrainedRun;
import io.netspec.runtime.weights.WeightsFile;
import io.netspec.runtime.train.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netspec eval RUN}: scores a trained run's network on held-out images. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Scores a run's network on held-out images: top-1 and top-5 accuracy, accuracy per class and "
        + "the confusion matrix, also written as JSON ({\"classes\": [...], \"matrix\": [[...]]}, rows the "
        + "true class, columns the predicted one), the format `netspec report` reads."})
final class EvalCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "a run folder, e.g. runs/train-1")
  private Path run;

  @Option(names = "--data", paramLabel = "D",
      description = "data whose held-out split to score (as `train --data`; default: the run's own)")
  private String data;

  @Option(names = "--limit", paramLabel = "N",
      description = "score only the first N held-out images (default: the run's own --limit)")
  private Integer limit;

  @Option(names = "--params", paramLabel = "P", defaultValue = "best",
      description = "best or last: which epoch's parameters (default: ${DEFAULT-VALUE})")
  private ParameterChoice params;

  @Option(names = "--weights", paramLabel = "FILE",
      description = "a .safetensors file of the run's network (e.g. from `netspec export --format safetensors`) "
          + "to use instead of the run's own parameters")
  private Path weights;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64", description = "default: ${DEFAULT-VALUE}")
  private int batchSize;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "where to write the confusion matrix (default: RUN/confusion.json)")
  private Path output;

  /** The parameter files of a run folder. */
  enum ParameterChoice {
    BEST, LAST;

    /** The file's name without {@code .params}. */
    String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public Integer call() throws Exception {
    Options.requirePositive(spec, "--batch-size", batchSize);
    try (TrainedRun trained = TrainedRun.open(run, params.fileName())) {
      if (weights != null) {
        WeightsFile.load(weights, trained.network());
      }
      DataSource source = DataSource.resolve(data != null ? data : trained.dataArgument().orElse(null),
          trained.imageShape());
      LabeledImages images = source.load(Split.TEST);
      int n = limit != null ? limit : trained.limit();
      if (n > 0) {
        images = images.limit(n);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s (%s, %s) on %,d held-out images of %s%n", run, trained.network().type().displayName(),
          weights != null ? weights : params.fileName() + ".params", images.count(), source.description());
      Scores scores = trained.score(images, batchSize);
      ScoresReport.print(scores, out);
      Path file = output != null ? output.toAbsolutePath() : run.resolve("confusion.json").toAbsolutePath();
      RunFolder.open(file.getParent()).writeJson(file.getFileName().toString(), scores.confusion().toJson());
      out.printf("%nconfusion matrix written to %s%n", file);
      out.flush();
    }
    return 0;
  }
}
