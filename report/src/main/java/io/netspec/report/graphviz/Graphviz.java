package io.netspec.report.graphviz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Lays out DOT text with Graphviz's {@code dot} program (Debian package {@value #DEBIAN_PACKAGE}). The same
 * DOT gives the same SVG: Graphviz writes no timestamp, and the report module adds none.
 */
public final class Graphviz {

  /** The Debian package that provides {@code dot}. */
  public static final String DEBIAN_PACKAGE = "graphviz";

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final String executable;
  private final Duration timeout;

  private Graphviz(String executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  /** The {@code dot} found on the {@code PATH}. */
  public static Graphviz onPath() {
    return new Graphviz("dot", DEFAULT_TIMEOUT);
  }

  /** A given {@code dot} executable, killed if a layout takes longer than {@code timeout}. */
  public static Graphviz at(String executable, Duration timeout) {
    return new Graphviz(executable, timeout);
  }

  /** Whether {@code dot} runs: {@code dot -V} exits with 0. */
  public boolean isInstalled() {
    try {
      Process process = new ProcessBuilder(executable, "-V").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Lays out {@code dot} and returns the SVG document Graphviz writes. */
  public String toSvg(String dot) throws GraphvizException {
    Process process = start(List.of(executable, "-Tsvg"));
    CompletableFuture<byte[]> errors = drain(process.getErrorStream());
    CompletableFuture<byte[]> output = drain(process.getInputStream());
    try (OutputStream input = process.getOutputStream()) {
      input.write(dot.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      process.destroyForcibly();
      throw new GraphvizException("could not send the diagram to " + executable + ": " + e.getMessage(), e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new GraphvizException(executable + " took longer than " + timeout.toSeconds() + " s; stopped it");
      }
      String svg = new String(output.get(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new GraphvizException(executable + " failed (exit " + process.exitValue() + "): "
            + new String(errors.get(), StandardCharsets.UTF_8).strip());
      }
      return svg;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GraphvizException("interrupted while " + executable + " ran", e);
    } catch (ExecutionException e) {
      throw new GraphvizException("could not read the output of " + executable + ": " + e.getCause(), e);
    }
  }

  private Process start(List<String> command) throws GraphvizException {
    try {
      return new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new GraphvizException("cannot run Graphviz's '" + executable + "': install Debian's "
          + DEBIAN_PACKAGE + " package (apt-get install -y " + DEBIAN_PACKAGE + ")", e);
    }
  }

  /** Reads a stream to its end on a thread of its own, so that neither of dot's pipes can fill and block it. */
  private static CompletableFuture<byte[]> drain(InputStream stream) {
    Executor ownThread = task -> {
      Thread thread = new Thread(task, "graphviz-pipe");
      thread.setDaemon(true);
      thread.start();
    };
    return CompletableFuture.supplyAsync(() -> {
      try (InputStream in = stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, ownThread);
  }
}
