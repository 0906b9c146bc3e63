package io.netspec.generator;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The specs under the repository's {@code specs/} folder, loaded and analysed. */
final class ShippedSpecs {

  /** The repository's spec folder, relative to this module, as Maven runs the tests. */
  static final Path FOLDER = Path.of("../../specs");

  private ShippedSpecs() {}

  /** The file names of every shipped spec, sorted. */
  static List<String> names() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static NetworkAnalysis analyze(String name) {
    try {
      return Analyzer.analyze(SpecLoader.load(FOLDER.resolve(name)));
    } catch (SpecException e) {
      throw new AssertionError("shipped spec " + name + " is invalid:\n" + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
