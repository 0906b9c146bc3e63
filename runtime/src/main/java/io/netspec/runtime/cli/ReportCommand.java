package io.netspec.runtime.cli;

import io.netspec.report.ReportWriter;
import io.netspec.runtime.specs.SpecArguments;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netspec report SPEC|MODEL [--run RUN] -o DIR}: one self-contained HTML page (the report module). */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Writes DIR/report.html: the diagram, the Table-1 summary and, with --run, the run's "
        + "training curves and confusion matrix; a run trained on another spec is refused.")
final class ReportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "SPEC|MODEL", description = "a spec file or a generated network")
  private String specOrModel;

  @Option(names = "--run", paramLabel = "RUN", description = "a run folder, e.g. runs/train-1")
  private Path run;

  @Option(names = "--force", description = "combine a run trained on another spec (its spec hash or class count "
      + "differs) instead of refusing it")
  private boolean force;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "output folder")
  private Path output;

  @Override
  public Integer call() throws Exception {
    Path page = new ReportWriter()
        .write(SpecArguments.analyze(specOrModel), Optional.ofNullable(run), output, force);
    spec.commandLine().getOut().println(page);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
