package io.netspec.runtime.cli;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.summary.JsonSummary;
import io.netspec.dsl.summary.TextSummary;
import io.netspec.runtime.specs.SpecArguments;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netspec summary SPEC|MODEL}: the spec as the paper's Table 1, every row's output size, depth,
 * parameters and operations beside the figures the paper prints (the dsl module's summary). A spec with
 * mistakes prints each as {@code file:line:column: error: message}.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prints a spec as the paper's Table 1: every row's output size, depth, parameters and "
        + "operations, beside the figures the paper prints.")
final class SummaryCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "SPEC|MODEL",
      description = "a spec file (specs/googlenet.yaml) or a generated network (googlenet-fashion)")
  private String specOrModel;

  @Option(names = "--json", description = "print the summary as JSON, for tools")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    NetworkAnalysis analysis = SpecArguments.analyze(specOrModel);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? JsonSummary.render(analysis) : TextSummary.render(analysis));
    out.flush();
    return 0;
  }
}
