package io.netspec.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad specs in {@code src/test/resources/bad-specs}: each file states, in {@code # expect:}
 * lines at its top, every diagnostic loading it must give, as {@code file:line:column: error: message} with
 * the file relative to the corpus folder, in the order the loader sorts them. Positions were found by
 * searching the file's text for the offending token when the corpus was written, not taken from the loader.
 */
class BadSpecsTest {

  private static final Path CORPUS = Path.of("src", "test", "resources", "bad-specs");
  private static final String EXPECT = "# expect: ";

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(Files::isRegularFile)
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void theCorpusHasAtLeastTwentyCases() throws IOException {
    assertTrue(corpus().count() >= 20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyMistakeIsReportedWhereItIs(String name) throws IOException {
    Path file = CORPUS.resolve(name);
    List<String> expected = Files.readAllLines(file).stream()
        .filter(line -> line.startsWith(EXPECT))
        .map(line -> line.substring(EXPECT.length()))
        .toList();
    assertTrue(!expected.isEmpty(), name + " states no expected diagnostic");
    SpecException thrown = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(SpecException.class, () -> SpecLoader.load(file)));
    assertEquals(expected, thrown.diagnostics().stream().map(BadSpecsTest::relativeToCorpus).toList());
  }

  /** The billion-laughs bomb fails on the alias limit at once, without expanding anything. */
  @Test
  void aliasBombIsRejectedQuickly() {
    assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertThrows(SpecException.class, () -> SpecLoader.load(CORPUS.resolve("alias-bomb.yaml"))));
  }

  @Test
  void aFileLargerThanOneMegabyteIsNotRead(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "description: " + "x".repeat(1024 * 1024) + "\n"); // 13 + 1 MiB + 1 bytes
    SpecException thrown = assertThrows(SpecException.class, () -> SpecLoader.load(big));
    assertEquals(big + ":1:1: error: the file has 1048590 bytes; a spec may have at most 1048576",
        thrown.diagnostics().get(0).toString());
  }

  @Test
  void aMissingFileIsAnIoError() {
    assertThrows(IOException.class, () -> SpecLoader.load(CORPUS.resolve("no-such-spec.yaml")));
  }

  private static String relativeToCorpus(Diagnostic diagnostic) {
    String file = CORPUS.relativize(Path.of(diagnostic.location().file())).toString();
    return file + ":" + diagnostic.location().line() + ":" + diagnostic.location().column() + ": error: "
        + diagnostic.message();
  }
}
