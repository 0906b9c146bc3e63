package io.netspec.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shrinks a failing fuzz spec greedily: takes the first simpler spec ({@link FuzzSpec#smaller()}) that fails the
 * same way (same stage, same kind of error), and starts again from it, until no simpler spec fails so or the
 * budget of checks is spent.
 */
final class FuzzShrinker {

  private final Path folder;
  private final int budget;
  private final Function<Path, Optional<FuzzProperty.Failure>> property;

  /**
   * The shrunk spec.
   *
   * @param spec the smallest failing spec found
   * @param failure how it fails
   * @param steps how many simplifications led to it
   * @param checks how many specs were checked
   */
  record Shrunk(FuzzSpec spec, FuzzProperty.Failure failure, int steps, int checks) {}

  /**
   * @param folder where to write the candidates
   * @param budget the most candidates to check
   * @param property the check a candidate fails or passes, {@link FuzzProperty#check} in the fuzz test
   */
  FuzzShrinker(Path folder, int budget, Function<Path, Optional<FuzzProperty.Failure>> property) {
    this.folder = folder;
    this.budget = budget;
    this.property = property;
  }

  Shrunk shrink(FuzzSpec spec, FuzzProperty.Failure failure) {
    FuzzSpec smallest = spec;
    FuzzProperty.Failure how = failure;
    int steps = 0;
    int checks = 0;
    boolean shrunk = true;
    while (shrunk && checks < budget) {
      shrunk = false;
      for (FuzzSpec candidate : smallest.smaller()) {
        if (checks++ >= budget) {
          break;
        }
        Optional<FuzzProperty.Failure> result = property.apply(write(candidate));
        if (result.isPresent() && result.get().signature().equals(failure.signature())) {
          smallest = candidate;
          how = result.get();
          steps++;
          shrunk = true;
          break;
        }
      }
    }
    return new Shrunk(smallest, how, steps, checks);
  }

  /** Writes a spec to the folder; its file name, hence its generated class, is always the same. */
  Path write(FuzzSpec spec) {
    return write(folder.resolve("fuzz-shrink.yaml"), spec.yaml());
  }

  static Path write(Path file, String yaml) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
