package io.netspec.generator.pytorch;

import io.netspec.dsl.analysis.NetworkAnalysis;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the PyTorch target generates a module from: an analysed spec and the text of its files.
 *
 * @param analysis the checked spec with its shapes
 * @param sources the spec file's text and that of every spec it extends, child first, by their paths relative to
 *     the spec's folder (as a run folder's {@code spec/} holds them); the first is the spec file itself
 */
public record PytorchSpec(NetworkAnalysis analysis, Map<String, String> sources) {

  public PytorchSpec {
    Objects.requireNonNull(analysis, "analysis");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no spec text for " + analysis.spec().file());
    }
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** The spec file's name as the run folder records it: the first of {@link #sources}. */
  public String specFile() {
    return sources.keySet().iterator().next();
  }
}
