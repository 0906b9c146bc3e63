package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.netspec.dsl.python.DebianPython;
import io.netspec.runtime.eval.JsonFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch target's trainer against the Java side, with Debian's python3-torch: {@code torchrun} with two
 * Gloo processes on 127.0.0.1 trains googlenet-fashion for one short epoch on the embedded sample, its two
 * processes end with the same parameters, and {@code netspec eval} of its run folder scores what it logged; one
 * epoch trained in Java continues in PyTorch from the exported weights, which score there what they scored in
 * Java, and the PyTorch parameters come back to Java, score what PyTorch logged, and train further.
 */
class PytorchTrainingTest {

  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));
  private static final Path SAMPLE = Path.of("src/main/resources/io/netspec/runtime/data/fashion-mnist-sample");
  private static final String SPEC = SPECS.resolve("googlenet-fashion.yaml").toString();
  private static final String LIMIT = "256";
  private static final String BATCH = "32";

  @TempDir
  static Path work;

  private static Path modules;

  /** The modules of googlenet-fashion.yaml, as `netspec generate --target pytorch` writes them, beside the sample. */
  @BeforeAll
  static void generate() throws Exception {
    DebianPython.assumeTorch();
    modules = work.resolve("pytorch");
    CliRun generated = CliRun.of("generate", SPEC, "--target", "pytorch", "-o", modules.toString());
    assertEquals(0, generated.code(), generated.err());
    Path sample = Files.createDirectories(modules.resolve("fashion-mnist-sample"));
    try (Stream<Path> files = Files.list(SAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, sample.resolve(file.getFileName()));
      }
    }
  }

  @Test
  void torchrunWithTwoGlooProcessesKeepsTheReplicasEqualAndEvalScoresWhatItLogged() throws Exception {
    List<String> command = new ArrayList<>(List.of("-m", "torch.distributed.run"));
    if (torchMajorVersion() < 2) { // Debian's torch 1.13 on Python 3.11 cannot parse the default --redirects 0
      command.addAll(List.of("--redirects", "1", "--tee", "1", "--log_dir", work.resolve("logs").toString()));
    }
    command.addAll(List.of("--nproc_per_node=2", "--master_addr=127.0.0.1", "--master_port=" + freePort(),
        "-m", "netspec_torch.train", "googlenet_fashion", "--epochs", "1", "--limit", LIMIT, "--batch-size", BATCH,
        "--device", "cpu", "--output", work.resolve("torchrun-runs").toString()));
    String out = python(command);
    Path run = work.resolve("torchrun-runs/train-1");
    JsonObject json = JsonFiles.readObject(run.resolve("run.json"));
    assertTrue(json.get("trainer").getAsString().contains("2 processes, gloo"), json.toString());
    assertEquals(0.0, json.get("replica_parameter_difference").getAsDouble(), "the two processes' parameters: " + out);
    assertEquals("spec file", json.get("model_source").getAsString());

    double logged = json.get("best_val_accuracy").getAsDouble();
    CliRun eval = CliRun.of("eval", run.toString());
    assertEquals(0, eval.code(), eval.err());
    assertTrue(eval.out().contains(percent(logged)), "logged " + percent(logged) + ", eval printed:\n" + eval.out());
    assertTrue(eval.out().contains("(" + LIMIT + " images)"), eval.out());
  }

  @Test
  void oneEpochInJavaThenPytorchThenJavaAgain() throws Exception {
    CliRun java = CliRun.of("train", "--spec", SPEC, "--epochs", "1", "--limit", LIMIT, "--batch-size", BATCH,
        "--device", "cpu", "--output", work.resolve("java-runs").toString());
    assertEquals(0, java.code(), java.err());
    Path javaRun = work.resolve("java-runs/train-1");
    double javaAccuracy = JsonFiles.readObject(javaRun.resolve("run.json")).get("best_val_accuracy").getAsDouble();
    Path exported = work.resolve("java-epoch-1.safetensors");
    CliRun export = CliRun.of("export", javaRun.toString(), "--format", "safetensors", "-o", exported.toString());
    assertEquals(0, export.code(), export.err());

    // PyTorch, one process without torchrun, from the Java epoch's parameters
    python(List.of("-m", "netspec_torch.train", "googlenet_fashion", "--weights", exported.toString(), "--epochs",
        "1", "--limit", LIMIT, "--batch-size", BATCH, "--lr", "0.02", "--output", work.resolve("py-runs").toString()));
    Path pyRun = work.resolve("py-runs/train-1");
    JsonObject py = JsonFiles.readObject(pyRun.resolve("run.json"));
    assertEquals(javaAccuracy, py.get("start_val_accuracy").getAsDouble(), 1e-9,
        "the Java parameters score in PyTorch what they scored in Java");
    double pyAccuracy = py.get("last_val_accuracy").getAsDouble();

    // back: the PyTorch epoch's parameters score in Java what PyTorch logged, and train further there
    CliRun back = CliRun.of("eval", javaRun.toString(), "--weights", pyRun.resolve("last.safetensors").toString());
    assertEquals(0, back.code(), back.err());
    assertTrue(back.out().contains(percent(pyAccuracy)), "PyTorch logged " + percent(pyAccuracy) + ":\n" + back.out());
    CliRun again = CliRun.of("train", "--spec", SPEC, "--weights", pyRun.resolve("last.safetensors").toString(),
        "--epochs", "1", "--limit", LIMIT, "--batch-size", BATCH, "--lr", "0.02", "--device", "cpu", "--output",
        work.resolve("java-runs-2").toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(Files.isRegularFile(work.resolve("java-runs-2/train-1/last.params")));
  }

  private static String percent(double accuracy) {
    return String.format(Locale.ROOT, "top-1 accuracy %.2f%%", 100 * accuracy);
  }

  private static int torchMajorVersion() throws IOException {
    String version = DebianPython.run(List.of("-c", "import torch; print(torch.__version__)"), work).trim();
    return Integer.parseInt(version.substring(0, version.indexOf('.')));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Runs Debian's Python in the modules' folder, one PyTorch thread per process; returns what it printed. */
  private static String python(List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(DebianPython.PYTHON.toString()));
    command.addAll(arguments);
    // the output goes to a file, not a pipe: a child process that hangs would keep a pipe open and its reader
    // waiting past any time limit
    Path log = Files.createTempFile("netspec-python-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(modules.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    boolean ended = process.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    if (!ended || process.exitValue() != 0) {
      throw new AssertionError(command + (ended ? " failed:\n" : " did not end in 10 minutes:\n") + out);
    }
    return out;
  }
}
