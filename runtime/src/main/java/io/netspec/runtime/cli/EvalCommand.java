package io.netspec.runtime.cli;

import io.netspec.report.run.RunLayout;
import io.netspec.runtime.data.DataException;
import io.netspec.runtime.data.DataSource;
import io.netspec.runtime.data.FolderOptions;
import io.netspec.runtime.data.HeldOut;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.eval.Scores;
import io.netspec.runtime.eval.ScoresReport;
import io.netspec.runtime.eval.TrainedRun;
import io.netspec.runtime.train.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  @Mixin
  private InferenceOptions inference;

  @Option(names = "--data", paramLabel = "D",
      description = "data whose held-out split to score (as `train --data`; default: the run's own)")
  private String data;

  @Option(names = "--split", paramLabel = "S", defaultValue = "val",
      description = "val (the held-out images: val/, or the share of a flat folder the run held out), test "
          + "(DIR/test/) or all (default: ${DEFAULT-VALUE})")
  private HeldOut split;

  @Option(names = "--limit", paramLabel = "N",
      description = "score only the first N images (default: the run's own --limit)")
  private Integer limit;

  @Option(names = "--workers", paramLabel = "N",
      description = "threads that decode images (default: the cores)")
  private Integer workers;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64", description = "default: ${DEFAULT-VALUE}")
  private int batchSize;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "where to write the confusion matrix (default: RUN/eval-N/confusion.json, N one more "
          + "than the last evaluation's; never over the training's own RUN/confusion.json)")
  private Path output;

  /** {@code --output}, refused if it is a folder or would replace a file the training wrote. */
  private Path checkedOutput(Path file) {
    if (Files.isDirectory(file)) {
      throw new ParameterException(spec.commandLine(), "--output " + file + " is a folder; give a file name");
    }
    Path parent = file.getParent();
    try {
      if (parent != null && Files.isDirectory(parent) && Files.isSameFile(parent, run)
          && Files.exists(file)) {
        throw new ParameterException(spec.commandLine(), "--output " + file + " would overwrite the training's "
            + file.getFileName() + "; give another name (the default writes into RUN/eval-N/)");
      }
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--output " + file + ": " + e.getMessage(), e);
    }
    if (parent != null && !Files.isDirectory(parent)) {
      throw new ParameterException(spec.commandLine(), "--output " + file + ": no such folder " + parent);
    }
    return file;
  }

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
    try (TrainedRun trained = inference.open(run)) {
      if (workers != null) {
        Options.requirePositive(spec, "--workers", workers);
      }
      String argument = data != null ? data : trained.dataArgument().orElse(null);
      FolderOptions options = new FolderOptions(FolderOptions.DEFAULT_VAL_SPLIT, Optional.empty(),
          workers != null ? workers : FolderOptions.defaultWorkers());
      if (argument != null && argument.equals(trained.dataArgument().orElse(null))) {
        options = RunFolder.heldOutFiles(run).map(options::withRecordedVal).orElse(options); // the run's own split
      }
      DataSource source = DataSource.resolve(argument, trained.imageShape(), options);
      if (!source.classNames().equals(trained.classes())) {
        throw new DataException(source.argument(), "its classes " + source.classNames() + " are not the run's "
            + trained.classes() + " (" + run.resolve(RunLayout.CLASS_INDICES)
            + "); evaluate on data with the run's classes");
      }
      LabeledImages images = source.load(split);
      int n = limit != null ? limit : trained.limit();
      if (n > 0) {
        images = images.limit(n);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s (%s, %s): scoring %,d images, %s%n", run, trained.network().type().displayName(),
          inference.describe(), images.count(), source.describe(split));
      List<String> skipped = source.skipped();
      if (!skipped.isEmpty()) {
        PrintWriter err = spec.commandLine().getErr();
        skipped.forEach(problem -> err.println("netspec: warning: skipped " + problem));
        err.flush();
      }
      Scores scores = trained.score(images, batchSize);
      ScoresReport.print(scores, out);
      Path file = output != null ? checkedOutput(output.toAbsolutePath())
          : RunFolder.create(run, RunLayout.EVAL_KIND).path().resolve(RunLayout.CONFUSION).toAbsolutePath();
      RunFolder.open(file.getParent()).writeJson(file.getFileName().toString(), scores.confusion().toJson());
      out.printf("%nconfusion matrix written to %s%n", file);
      out.flush();
    }
    return 0;
  }
}
