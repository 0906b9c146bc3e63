package io.netspec.maven;

import io.netspec.dsl.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The spec files of a spec folder: the {@code *.yaml} files directly in it, in file name order, and for each
 * the chain of files it {@code extends}, so that a change in a parent counts as a change of its children.
 */
final class SpecFiles {

  private static final int MAX_CHAIN = 32;

  private SpecFiles() {}

  /** The specs directly in {@code folder}, sorted by file name; empty if the folder does not exist. */
  static List<Path> list(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(file))
          .map(file -> file.toAbsolutePath().normalize())
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
  }

  /**
   * The spec and the files it extends, child first. A file that cannot be read or parsed ends the chain:
   * the loader reports it properly; this only tells which files the output depends on.
   */
  static List<Path> chain(Path spec) {
    Set<Path> chain = new LinkedHashSet<>();
    Path file = spec.toAbsolutePath().normalize();
    while (file != null && chain.size() < MAX_CHAIN && chain.add(file)) {
      file = parent(file);
    }
    return new ArrayList<>(chain);
  }

  private static Path parent(Path file) {
    try {
      if (Files.size(file) > YamlLimits.MAX_FILE_BYTES) {
        return null; // the loader refuses it by its size; it is not read here either
      }
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(50);
      Object document = new Yaml(new SafeConstructor(options))
          .load(Files.readString(file, StandardCharsets.UTF_8));
      if (document instanceof Map<?, ?> map && map.get("extends") instanceof String parent) {
        Path parentFile = file.resolveSibling(parent).normalize();
        return Files.isRegularFile(parentFile) ? parentFile : null;
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
