package io.netspec.runtime.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code netspec} command, which only dispatches to its subcommands. */
@Command(
    name = "netspec",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Trains and describes the convolutional networks generated from netspec's YAML specs.",
    subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, ModelsCommand.class,
        SummaryCommand.class, GenerateCommand.class, DiagramCommand.class, ReportCommand.class,
        MakeSampleCommand.class, ExportCommand.class, CompletionCommand.class},
    footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error.",
        "Set NETSPEC_DEBUG=1 to see the stack trace of a failure."})
final class NetspecCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required: "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
