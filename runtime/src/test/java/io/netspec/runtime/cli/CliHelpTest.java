package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the CLI helps with a mistake: suggestions, lower-case enum values, shell completion. */
class CliHelpTest {

  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void anUnknownCommandGetsASuggestion() {
    assertEquals(2, run("trian"));
    assertTrue(err.toString().startsWith("netspec: usage error: unknown command 'trian'; did you mean train"),
        err.toString());
    assertFalse(err.toString().contains("Unmatched argument"), err.toString());
  }

  @Test
  void anUnknownOptionGetsASuggestion() {
    assertEquals(2, run("train", "--epoch", "3"));
    assertTrue(err.toString().contains("unknown option '--epoch'; did you mean --epochs"), err.toString());
  }

  @Test
  void enumValuesAreLowerCaseInErrors() {
    assertEquals(2, run("train", "--optimizer", "rmsprop"));
    assertTrue(err.toString().contains("expected one of [sgd, adam] but was 'rmsprop'"), err.toString());
    assertFalse(err.toString().contains("SGD"), err.toString());
    assertEquals(2, run("train", "--schedule", "linear"));
    assertTrue(err.toString().contains("[constant, step, cosine]"), err.toString());
  }

  @Test
  void enumValuesAreStillAcceptedInAnyCase() {
    CommandLine cli = Main.commandLine();
    cli.parseArgs("train", "--optimizer", "ADAM", "--schedule", "Step");
    CommandLine train = cli.getSubcommands().get("train");
    assertEquals("adam", LowerCaseEnums.name(train.getCommandSpec().findOption("--optimizer").getValue()));
  }

  @Test
  void completionScriptsNameEveryCommandAndLowerCaseValues() {
    assertEquals(0, run("completion", "bash"), err.toString());
    String bash = out.toString();
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      assertTrue(bash.contains(command), command);
    }
    assertTrue(bash.contains("sgd") && bash.contains("adam"), "lower-case optimizer values");
    assertFalse(bash.contains("SGD"), "no upper-case enum value");
    assertTrue(bash.startsWith("#!/usr/bin/env bash") || bash.contains("complete -F"), bash.substring(0, 200));
    out.getBuffer().setLength(0);
    assertEquals(0, run("completion", "zsh"));
    assertTrue(out.toString().contains("bashcompinit"), "zsh loads bash completion");
    assertEquals(2, run("completion", "fish"));
    assertTrue(err.toString().contains("[bash, zsh]"), err.toString());
  }
}
