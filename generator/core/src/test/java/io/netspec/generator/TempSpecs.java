package io.netspec.generator;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Specs written by a test into a temporary folder, loaded and analysed as the plugin would. */
final class TempSpecs {

  private TempSpecs() {}

  static NetworkAnalysis analyze(Path folder, String fileName, String yaml) throws IOException {
    Path file = folder.resolve(fileName);
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    try {
      return Analyzer.analyze(SpecLoader.load(file));
    } catch (SpecException e) {
      throw new AssertionError("test spec is invalid:\n" + e.getMessage(), e);
    }
  }
}
