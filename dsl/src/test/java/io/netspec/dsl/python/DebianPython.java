package io.netspec.dsl.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code /usr/bin/python3} with python3-torch and python3-torchvision, the reference tests compare
 * netspec with. Tests that need it call {@link #assumeTorch()}: where it is missing they are reported as skipped,
 * with the reason; CI (.ci/run) installs it. Shipped in dsl's test jar for the other modules' tests.
 */
public final class DebianPython {

  /** Debian's Python; the {@code python3} on PATH may be another one, without torch. */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  private static Boolean hasTorch;

  private DebianPython() {}

  /** Skips the calling test, with the reason, where Debian's Python with torch and torchvision is missing. */
  public static void assumeTorch() {
    assumeTrue(hasTorch(), PYTHON + " with python3-torch and python3-torchvision is not installed "
        + "(apt-get install python3-torch python3-torchvision); skipped");
  }

  private static synchronized boolean hasTorch() {
    if (hasTorch == null) {
      try {
        hasTorch = Files.isExecutable(PYTHON)
            && run(List.of("-c", "import torch, torchvision"), Path.of(".")).isEmpty();
      } catch (IOException e) {
        hasTorch = false;
      }
    }
    return hasTorch;
  }

  /**
   * Runs Debian's Python with {@code arguments} in {@code folder} and returns what it printed.
   *
   * @throws IOException if it fails or runs longer than five minutes, with what it printed on its error stream
   */
  public static String run(List<String> arguments, Path folder) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(PYTHON.toString());
    command.addAll(arguments);
    // both streams go to files, read once the process has ended: reading a pipe while the child blocks on the
    // other one (or never closes it) would hang past the time limit
    Path output = Files.createTempFile("python", ".out");
    Path errors = Files.createTempFile("python", ".err");
    try {
      Process process = new ProcessBuilder(command).directory(folder.toFile())
          .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(command + " ran longer than five minutes");
      }
      if (process.exitValue() != 0) {
        throw new IOException(command + " exited with " + process.exitValue() + ": "
            + new String(Files.readAllBytes(errors), StandardCharsets.UTF_8));
      }
      return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(command + " interrupted", e);
    } finally {
      Files.deleteIfExists(output);
      Files.deleteIfExists(errors);
    }
  }
}
