package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.runtime.train.OptimizerChoice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {

  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "fly", "--frobnicate", "train --epochs 0", "train --epochs x", "train --batch-size 0",
    "train --optimizer rmsprop", "train --schedule linear", "train --device tpu", "train --device gpu:a",
    "train --lr -1", "train --weight-decay -0.1", "train --limit -5", "summary", "models extra", "generate",
    "generate x.yaml", "diagram googlenet", "report googlenet", "predict", "eval --batch-size 0 runs/x"})
  void usageErrorsExitWithTwo(String args) {
    assertEquals(2, run(args.isEmpty() ? new String[0] : args.split(" ")), err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void helpAndVersionSucceed() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("train"), out.toString());
    assertEquals(0, run("train", "--help"));
    assertTrue(out.toString().contains("--device"), out.toString());
    String help = out.toString().replaceAll("\\s+", " ");
    for (OptimizerChoice optimizer : OptimizerChoice.values()) {
      String documented = optimizer.defaultLearningRate() + " for " + optimizer;
      assertTrue(help.contains(documented), documented + " in " + help);
    }
    assertEquals(0, run("--version"));
    assertTrue(out.toString().contains("DJL 0.36.0"), out.toString());
  }

  /** picocli formats descriptions as format strings and warns on stderr (the process's, not the command's) when one fails. */
  @Test
  void everyCommandsHelpRendersWithoutWarnings() {
    PrintStream systemErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (String command : Main.commandLine().getSubcommands().keySet()) {
        assertEquals(0, run(command, "--help"), command);
      }
    } finally {
      System.setErr(systemErr);
    }
    String warnings = captured.toString(StandardCharsets.UTF_8);
    assertFalse(warnings.contains("WARN"), warnings);
    assertTrue(out.toString().replaceAll("\\s+", " ").contains("over the first 30% of the run"), out.toString());
  }

  @Test
  void failuresAreOneLineWithoutStackTrace(@TempDir Path folder) {
    int code = run("train", "--data", folder.resolve("missing").toString(), "--output", folder.toString());
    assertEquals(1, code);
    String message = err.toString().strip();
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("netspec: error: "), message);
  }

  @Test
  void modelsListsEveryGeneratedNetwork() {
    assertEquals(0, run("models"));
  }

  @Test
  void summaryPrintsTheTableOfASpec() {
    assertEquals(0, run("summary", specs().resolve("googlenet-fashion.yaml").toString()));
    assertTrue(out.toString().contains("inception_4a"), out.toString());
    assertEquals(0, run("summary", "--json", specs().resolve("googlenet.yaml").toString()));
    assertTrue(out.toString().contains("\"className\""), out.toString());
  }

  @Test
  void summaryOfABadSpecPrintsEveryMistakeAndExitsWithOne(@TempDir Path folder) throws Exception {
    Path spec = Files.writeString(folder.resolve("bad.yaml"), "input: 28x28x1\nclases: 10\nlayers: []\n");
    assertEquals(1, run("summary", spec.toString()));
    List<String> lines = err.toString().lines().toList();
    assertTrue(lines.size() >= 2, err.toString());
    assertTrue(lines.stream().allMatch(l -> l.startsWith(spec + ":") && l.contains(": error: ")), err.toString());
  }

  @Test
  void trainRunsFromTheCommandLine(@TempDir Path folder) {
    assertEquals(0, run("train", "--limit", "64", "--epochs", "1", "--batch-size", "32", "--device", "cpu",
        "--output", folder.toString()));
    assertTrue(Files.isRegularFile(folder.resolve("train-1/best.params")));
  }

  @Test
  void summaryAcceptsAModelName() {
    assertEquals(0, run("summary", "googlenet-fashion"));
    assertTrue(out.toString().contains("inception_4a"), out.toString());
    assertEquals(1, run("summary", "no-such-model"));
    assertTrue(err.toString().startsWith("netspec: error: unknown model 'no-such-model'"), err.toString());
    assertEquals(1, run("summary", "specs/missing.yaml"));
    assertTrue(err.toString().contains("specs/missing.yaml: file not found"), err.toString());
  }

  @Test
  void generateWritesTheSourcesOfSpecs(@TempDir Path folder) throws Exception {
    Path out = folder.resolve("src");
    assertEquals(0, run("generate", specs().resolve("googlenet.yaml").toString(),
        specs().resolve("googlenet-fashion.yaml").toString(), "-o", out.toString()), err.toString());
    assertTrue(Files.isRegularFile(out.resolve("io/netspec/models/googlenet/Googlenet.java")));
    assertTrue(Files.isRegularFile(out.resolve("io/netspec/models/NetspecModels.java")));
  }

  @Test
  void generateWritesNothingWhenASpecHasMistakes(@TempDir Path folder) throws Exception {
    Path bad = Files.writeString(folder.resolve("bad.yaml"), "input: 28x28x1\nclases: 10\nlayers: []\n");
    Path out = folder.resolve("src");
    assertEquals(1, run("generate", specs().resolve("googlenet.yaml").toString(), bad.toString(), "-o",
        out.toString()));
    assertTrue(err.toString().lines().allMatch(l -> l.startsWith(bad + ":") && l.contains(": error: ")),
        err.toString());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void diagramWritesDotSvgAndHtmlInJava(@TempDir Path folder) throws Exception {
    Path dot = folder.resolve("net.dot");
    assertEquals(0, run("diagram", "googlenet-fashion", "-o", dot.toString()), err.toString());
    assertTrue(Files.readString(dot).startsWith("digraph"), Files.readString(dot));
    assertEquals(1, run("diagram", "googlenet-fashion", "-o", folder.resolve("net.png").toString()));
    assertTrue(err.toString().startsWith("netspec: error: cannot tell the diagram's format"), err.toString());
    Path svg = folder.resolve("net.svg");
    assertEquals(0, run("diagram", specs().resolve("googlenet.yaml").toString(), "-o", svg.toString()),
        err.toString());
    assertTrue(Files.readString(svg).contains("data-layer=\"inception_5b\""));
    Path html = folder.resolve("net.html");
    assertEquals(0, run("diagram", "googlenet-fashion", "-o", html.toString()), err.toString());
    assertTrue(Files.readString(html).contains("id=\"layer-search\""));
  }

  @Test
  void reportWritesOnePage(@TempDir Path folder) throws Exception {
    assertEquals(0, run("report", "googlenet-fashion", "-o", folder.toString()), err.toString());
    assertTrue(Files.readString(folder.resolve("report.html")).contains("GooglenetFashion"));
    assertEquals(1, run("report", "googlenet-fashion", "--run", folder.resolve("no-run").toString(), "-o",
        folder.toString()));
    assertTrue(err.toString().startsWith("netspec: error: ") && err.toString().contains("no-run"), err.toString());
  }

  private static Path specs() {
    return Path.of(System.getProperty("netspec.specs", "../specs"));
  }

  @Test
  void describesFailuresByTheirMostTellingMessage() {
    assertEquals("x.idx: file not found",
        OneLineErrors.describe(new RuntimeException(new java.nio.file.NoSuchFileException("x.idx"))));
    // a message may quote a command-line argument: all of it is shown, on one line, control characters escaped
    assertEquals("first line\\n\\tsecond",
        OneLineErrors.describe(new IllegalStateException("first line\n\tsecond")));
    assertEquals("a\\u001B[2Jb: file not found",
        OneLineErrors.describe(new java.nio.file.NoSuchFileException("a\u001B[2Jb")));
    assertEquals("NullPointerException", OneLineErrors.describe(new NullPointerException()));
  }

  /** How the CLI helps with a mistake: suggestions, lower-case enum values, shell completion. */
  @Nested
  class Helps {

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
      assertTrue(err.toString().contains("[constant, step, cosine, onecycle]"), err.toString());
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
}
