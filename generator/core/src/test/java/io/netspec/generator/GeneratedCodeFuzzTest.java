package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property test of the generated code (and of the interpreter beside it): random valid specs, written as YAML,
 * must load, pass the analysis, generate sources that compile without warnings, and build networks whose
 * forward pass gives the shapes and parameter count the analysis inferred, the interpreted network being the
 * same as the generated one ({@link FuzzProperty}). The same spec with a 2x2 input must either stay valid or be
 * rejected by the analysis at a row of the spec.
 *
 * <p>CI runs {@value #DEFAULT_CASES} cases from seed {@value #DEFAULT_SEED}; any number on demand:
 * <pre>
 * mvn -pl generator/core test -Dtest=GeneratedCodeFuzzTest -Dnetspec.fuzz.cases=200 -Dnetspec.fuzz.seed=42
 * mvn -pl generator/core test -Dtest=GeneratedCodeFuzzTest -Dnetspec.fuzz.case=SEED   (one case, by its seed)
 * </pre>
 *
 * <p>A failing case is shrunk to a minimal spec that fails the same way ({@link FuzzShrinker}, at most
 * {@code -Dnetspec.fuzz.shrinkChecks} candidates, 150 by default), which is written to
 * {@code src/test/resources/fuzz-regressions/}: every spec there is replayed by {@link #regressions()}. Keep it
 * with the fix.
 */
class GeneratedCodeFuzzTest {

  static final int DEFAULT_CASES = 20;
  static final long DEFAULT_SEED = 20261127L;
  private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz-regressions");
  private static final int TINY = 2;

  @TempDir
  static Path folder;

  @TestFactory
  Stream<DynamicTest> randomSpecs() {
    return caseSeeds().stream().map(seed -> dynamicTest("seed " + seed, () -> checkCase(seed)));
  }

  @TestFactory
  Stream<DynamicTest> regressions() throws IOException {
    try (Stream<Path> files = Files.list(REGRESSIONS)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream()
          .map(file -> dynamicTest(file.getFileName().toString(), () -> FuzzProperty.check(file)
              .ifPresent(failure -> fail(file + ": " + failure, failure.cause()))));
    }
  }

  /** The cases' seeds: one given by {@code netspec.fuzz.case}, or as many as asked drawn from the seed. */
  private static List<Long> caseSeeds() {
    Long single = Long.getLong("netspec.fuzz.case");
    if (single != null) {
      return List.of(single);
    }
    Random seeds = new Random(Long.getLong("netspec.fuzz.seed", DEFAULT_SEED));
    int cases = Integer.getInteger("netspec.fuzz.cases", DEFAULT_CASES);
    List<Long> list = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      list.add(seeds.nextLong());
    }
    return list;
  }

  private static void checkCase(long seed) throws IOException {
    FuzzSpec spec = FuzzSpecDrawer.draw(seed);
    Path file = FuzzShrinker.write(folder.resolve("fuzz-case.yaml"), spec.yaml());
    Optional<FuzzProperty.Failure> failure = FuzzProperty.check(file);
    if (failure.isPresent()) {
      int budget = Integer.getInteger("netspec.fuzz.shrinkChecks", 150);
      FuzzShrinker.Shrunk shrunk = new FuzzShrinker(folder, budget, FuzzProperty::check).shrink(spec, failure.get());
      Path kept = FuzzShrinker.write(REGRESSIONS.resolve("fuzz-" + Long.toHexString(seed) + ".yaml"),
          "# GeneratedCodeFuzzTest, seed " + seed + ", shrunk in " + shrunk.steps() + " steps: "
              + shrunk.failure().toString().lines().findFirst().orElse("") + "\n" + shrunk.spec().yaml());
      fail("seed " + seed + " " + failure.get() + "\nshrunk to " + kept.toAbsolutePath() + ":\n"
          + shrunk.spec().yaml(), shrunk.failure().cause());
    }
    assertCollapseIsLocated(spec);
  }

  /** The spec with a tiny input is valid or rejected by the analysis at rows or classifiers of the file. */
  private static void assertCollapseIsLocated(FuzzSpec spec) throws IOException {
    FuzzSpec tiny = new FuzzSpec(TINY, TINY, spec.channels(), spec.classes(), spec.defaults(), spec.layers(),
        spec.auxClassifiers());
    Path file = FuzzShrinker.write(folder.resolve("fuzz-tiny.yaml"), tiny.yaml());
    int firstRowLine = (int) tiny.yaml().lines().takeWhile(line -> !line.startsWith("  - ")).count() + 1;
    try {
      Analyzer.analyze(SpecLoader.load(file));
    } catch (SpecException e) {
      for (Diagnostic diagnostic : e.diagnostics()) {
        assertTrue(diagnostic.location().file().endsWith("fuzz-tiny.yaml")
            && diagnostic.location().line() >= firstRowLine, () -> "not at a row: " + diagnostic);
      }
    }
  }
}
