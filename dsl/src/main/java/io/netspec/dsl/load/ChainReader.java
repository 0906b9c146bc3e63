package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.yaml.SafeYamlReader;
import io.netspec.dsl.yaml.YamlFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a spec and, following {@code extends}, every spec it extends: child first. A parent is resolved
 * relative to the file that names it; a missing parent or a cycle is reported at the {@code extends} value
 * and ends the chain there.
 */
final class ChainReader {

  private ChainReader() {}

  /**
   * @throws IOException when the spec itself (not a parent) cannot be read
   */
  static List<SpecDocument> read(Path file, Problems problems) throws IOException {
    List<SpecDocument> chain = new ArrayList<>();
    List<Path> realPaths = new ArrayList<>();
    Optional<Path> next = Optional.of(file);
    while (next.isPresent()) {
      Path path = next.get();
      YamlFile yaml;
      try {
        yaml = SafeYamlReader.read(path, path.toString());
      } catch (SpecException e) {
        problems.addAll(e.diagnostics());
        break;
      }
      realPaths.add(path.toRealPath());
      Optional<SpecDocument> document = DocumentReader.read(yaml, problems);
      if (document.isEmpty()) {
        break;
      }
      chain.add(document.get());
      next = document.get().parent().flatMap(field -> parent(field, chain, realPaths, problems));
    }
    return List.copyOf(chain);
  }

  private static Optional<Path> parent(
      Field field, List<SpecDocument> chain, List<Path> realPaths, Problems problems) {
    Optional<String> name = Scalars.text(field, problems);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Path parent = field.file().path().resolveSibling(name.get()).normalize();
    if (Files.exists(parent) && !Files.isRegularFile(parent)) {
      problems.error(field.location(), "'extends' names '" + name.get() + "', which is not a regular file "
          + "(a folder, device or pipe); it must name a spec file");
      return Optional.empty();
    }
    if (!Files.isRegularFile(parent)) {
      problems.error(field.location(),
          "'extends' names '" + name.get() + "', but there is no such file next to this spec");
      return Optional.empty();
    }
    try {
      if (realPaths.contains(parent.toRealPath())) {
        String cycle = chain.stream()
            .map(document -> document.file().path().getFileName().toString())
            .collect(Collectors.joining(" → ", "", " → " + parent.getFileName()));
        problems.error(field.location(), "'extends' makes a cycle: " + cycle);
        return Optional.empty();
      }
    } catch (IOException e) {
      problems.error(field.location(), "'extends' names '" + name.get() + "', which cannot be read: " + e);
      return Optional.empty();
    }
    return Optional.of(parent);
  }
}
