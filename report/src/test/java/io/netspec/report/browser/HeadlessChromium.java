package io.netspec.report.browser;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, started headless with a fresh profile and a DevTools endpoint, with the flags this
 * closed network needs (nothing fetched at start-up). Closing it stops the browser and deletes the profile.
 */
final class HeadlessChromium implements AutoCloseable {

  /** The Debian package to install for these tests. */
  static final String DEBIAN_PACKAGE = "chromium";

  private static final Pattern ENDPOINT = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final long START_SECONDS = 30;

  private final Process process;
  private final Path profile;
  private final URI endpoint;

  private HeadlessChromium(Process process, Path profile, URI endpoint) {
    this.process = process;
    this.profile = profile;
    this.endpoint = endpoint;
  }

  /** The {@code chromium} executable on the PATH, if there is one. */
  static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder, "chromium");
      if (!folder.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Starts the browser and waits for its DevTools endpoint. */
  static HeadlessChromium start(Path executable) throws IOException {
    Path profile = Files.createTempDirectory("netspec-chromium-");
    List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,900", "about:blank"));
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread reader = new Thread(() -> readErrors(process, endpoint), "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return new HeadlessChromium(process, profile, endpoint.get(START_SECONDS, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      stop(process);
      deleteRecursively(profile);
      throw new IOException("chromium did not open its DevTools endpoint within " + START_SECONDS + " s", e);
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while chromium started", e);
    }
  }

  /** The browser-level DevTools WebSocket URL. */
  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws IOException {
    stop(process);
    deleteRecursively(profile);
  }

  /** Reads chromium's stderr to its end: the endpoint line completes {@code endpoint}; the rest is dropped. */
  private static void readErrors(Process process, CompletableFuture<URI> endpoint) {
    try (BufferedReader errors =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      StringBuilder early = new StringBuilder();
      String line;
      while ((line = errors.readLine()) != null) {
        Matcher m = ENDPOINT.matcher(line);
        if (m.find()) {
          endpoint.complete(URI.create(m.group(1)));
        } else if (!endpoint.isDone() && early.length() < 4000) {
          early.append(line).append('\n');
        }
      }
      endpoint.completeExceptionally(new IOException("chromium exited: " + early));
    } catch (IOException e) {
      endpoint.completeExceptionally(e);
    }
  }

  /** Stops the browser and the processes it started (by their ids, children first). */
  private static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
