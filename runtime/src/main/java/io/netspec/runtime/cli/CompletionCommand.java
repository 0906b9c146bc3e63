package io.netspec.runtime.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netspec completion bash|zsh}: the shell completion script of every command and option, from picocli's
 * {@link AutoComplete} (the script works in bash and, through {@code bashcompinit}, in zsh).
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prints a shell completion script: source <(./netspec completion bash), or in zsh: "
        + "autoload -U +X bashcompinit && bashcompinit && source <(./netspec completion zsh)")
final class CompletionCommand implements Callable<Integer> {

  /** The shells the script serves. */
  enum Shell { BASH, ZSH }

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh")
  private Shell shell;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String script = AutoComplete.bash("netspec", root);
    if (shell == Shell.ZSH) {
      script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
    }
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
