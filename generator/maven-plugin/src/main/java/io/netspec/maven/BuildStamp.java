package io.netspec.maven;

import io.netspec.dsl.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the last successful run read and wrote, kept in a file under {@code target/}: the inputs (the
 * generator's version, the settings, each spec file and its SHA-256) and the files written. When the inputs
 * are the same and the files are still there, there is nothing to do.
 *
 * @param inputs one line per input, in a fixed order
 * @param outputs the files written, relative paths prefixed with {@code sources/} or {@code resources/}
 */
record BuildStamp(List<String> inputs, List<String> outputs) {

  private static final String SEPARATOR = "--- outputs";

  BuildStamp {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(new TreeSet<>(outputs));
  }

  /**
   * The input lines for these settings and files; files are listed once, sorted. A file larger than a spec may
   * be is not read: the loader refuses it, so no successful run can have had it, and its size stands in for its
   * hash.
   */
  static List<String> inputs(List<String> settings, List<Path> files) throws IOException {
    List<String> lines = new ArrayList<>(settings);
    for (Path file : new TreeSet<>(files)) {
      long size = Files.size(file);
      String content = size > YamlLimits.MAX_FILE_BYTES ? "too-large-" + size : sha256(Files.readAllBytes(file));
      lines.add("file " + content + " " + file);
    }
    return lines;
  }

  static Optional<BuildStamp> read(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      int separator = lines.indexOf(SEPARATOR);
      if (separator < 0) {
        return Optional.empty();
      }
      return Optional.of(new BuildStamp(lines.subList(0, separator), lines.subList(separator + 1, lines.size())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes the stamp atomically, so that a build stopped midway leaves no stamp rather than half of one. */
  void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>(inputs);
    lines.add(SEPARATOR);
    lines.addAll(outputs);
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), ".stamp", ".tmp");
    try {
      Files.write(temporary, lines, StandardCharsets.UTF_8);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
