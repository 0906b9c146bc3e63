package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.runtime.train.OptimizerChoice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    "train --lr -1", "train --weight-decay -0.1", "train --limit -5", "summary", "models extra"})
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

  private static Path specs() {
    return Path.of(System.getProperty("netspec.specs", "../specs"));
  }

  @Test
  void describesFailuresByTheirMostTellingMessage() {
    assertEquals("x.idx: file not found",
        OneLineErrors.describe(new RuntimeException(new java.nio.file.NoSuchFileException("x.idx"))));
    assertEquals("first line", OneLineErrors.describe(new IllegalStateException("first line\n\tsecond")));
    assertEquals("NullPointerException", OneLineErrors.describe(new NullPointerException()));
  }
}
