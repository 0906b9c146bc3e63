package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.load.BadSpecCorpus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-spec corpus of the dsl module ({@code dsl/src/test/resources/bad-specs}) through the command line:
 * for each file, {@code netspec generate FILE -o DIR} and {@code netspec summary FILE} must exit with 1 and
 * print exactly the diagnostics the file's {@code # expect:} lines state, one a line, without a stack trace;
 * {@code generate} must leave its output folder empty.
 */
class BadSpecCorpusCliTest {

  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));
  private static final Path CORPUS = BadSpecCorpus.folder(SPECS.toAbsolutePath().normalize().getParent());
  private static final Pattern DIAGNOSTIC = Pattern.compile("(.+?):(\\d+):(\\d+): error: (.*)");

  @TempDir
  Path work;

  @TestFactory
  Stream<DynamicTest> everyBadSpecFailsBothCommands() throws IOException {
    List<Path> cases = BadSpecCorpus.files(CORPUS);
    assertTrue(cases.size() >= 40, "issue 5 asks for at least 40 bad specs; found " + cases.size());
    return cases.stream().flatMap(spec -> Stream.of(
        DynamicTest.dynamicTest("generate " + spec.getFileName(), () -> generateFails(spec)),
        DynamicTest.dynamicTest("summary " + spec.getFileName(), () -> summaryFails(spec))));
  }

  private void generateFails(Path spec) throws IOException {
    Path output = Files.createTempDirectory(work, "out");
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> CliRun.of("generate", spec.toString(), "-o", output.toString()));
    assertFailedWith(expectations(spec), run);
    try (Stream<Path> left = Files.list(output)) {
      assertEquals(List.of(), left.toList(), "generate writes nothing, not even a temporary file");
    }
  }

  private void summaryFails(Path spec) throws IOException {
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("summary", spec.toString()));
    assertFailedWith(expectations(spec), run);
  }

  private static void assertFailedWith(List<String> expected, CliRun run) {
    assertEquals(1, run.code(), run.err());
    assertEquals(expected, run.err().lines().toList());
    assertEquals("", run.out(), "a failed command prints nothing on standard output");
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
  }

  /** A spec of issue 5's size, 100 MiB: a spec-looking start, then zeros (sparse, so the test writes little). */
  @Test
  void aHundredMegabyteSpecIsRefusedAndNothingIsWritten() throws IOException {
    Path huge = Files.writeString(work.resolve("huge.yaml"),
        "input: 32x32x3\nclasses: 10\nlayers:\n  - {name: fc, type: linear, units: classes}\n");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(100L * 1024 * 1024);
    }
    Path output = Files.createDirectories(work.resolve("out"));
    CliRun run = CliRun.of("generate", huge.toString(), "-o", output.toString());
    assertFailedWith(List.of(huge + ":1:1: error: the file has 104857600 bytes; a spec may have at most 1048576"),
        run);
    try (Stream<Path> left = Files.list(output)) {
      assertEquals(List.of(), left.toList());
    }
  }

  /** The package is the command's own input, not a spec's: text that is not a Java package name writes nothing. */
  @ParameterizedTest
  @ValueSource(strings = {"x; System.exit(0); //", "../../../etc", "com.example.class", "a\\u002eb"})
  void aPackageThatIsNotAJavaNameWritesNothing(String packageName) throws IOException {
    Path output = Files.createDirectories(work.resolve("out"));
    CliRun run = CliRun.of("generate", SPECS.resolve("googlenet.yaml").toString(), "--package", packageName,
        "-o", output.toString());
    assertEquals(1, run.code(), run.err());
    assertEquals(List.of("netspec: error: not a Java package name: '" + packageName + "'"), run.err().lines().toList());
    try (Stream<Path> left = Files.list(output)) {
      assertEquals(List.of(), left.toList());
    }
  }

  /** The expected lines, with each file named as the command names it: by its path in the corpus folder. */
  private static List<String> expectations(Path spec) throws IOException {
    return BadSpecCorpus.expectations(spec).stream().map(BadSpecCorpusCliTest::inCorpus).toList();
  }

  private static String inCorpus(String expected) {
    Matcher matcher = DIAGNOSTIC.matcher(expected);
    assertTrue(matcher.matches(), "not a diagnostic: " + expected);
    return CORPUS.resolve(matcher.group(1)).normalize() + expected.substring(matcher.group(1).length());
  }
}
