package io.netspec.report;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The repository's specs, analysed, for tests. */
public final class ShippedSpecs {

  private ShippedSpecs() {}

  /** The analysis of {@code specs/<file>}, relative to the module folder that Maven runs tests in. */
  public static NetworkAnalysis analyze(String file) {
    return analyze(Path.of("..", "specs", file));
  }

  public static NetworkAnalysis analyze(Path spec) {
    try {
      return Analyzer.analyze(SpecLoader.load(spec));
    } catch (SpecException e) {
      throw new IllegalStateException("a shipped spec does not load: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
