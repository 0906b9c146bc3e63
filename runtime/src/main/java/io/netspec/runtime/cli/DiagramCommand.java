package io.netspec.runtime.cli;

import io.netspec.report.DiagramWriter;
import io.netspec.runtime.specs.SpecArguments;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netspec diagram SPEC|MODEL -o FILE}: the network's diagram as SVG, HTML or DOT (the report module). */
@Command(
    name = "diagram",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Draws a network: .svg, .html (zoom, pan, search, row details; modules collapse on a click) "
        + "or .dot, by the file's extension. Laid out in Java: no Graphviz needed.")
final class DiagramCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "SPEC|MODEL", description = "a spec file or a generated network")
  private String specOrModel;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
      description = "FILE.svg, FILE.html or FILE.dot")
  private Path file;

  @Override
  public Integer call() throws Exception {
    new DiagramWriter().write(SpecArguments.analyze(specOrModel), file);
    spec.commandLine().getOut().println(file);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
