package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs generated together must each get a package of their own: {@code my-net.yaml} and {@code my_net.yaml}
 * both give class {@code MyNet} in package {@code mynet}. {@code netspec generate} refuses them like a spec
 * mistake, naming both files, and writes nothing. A {@code --package} value that is not a Java name is refused
 * on one line, whatever it holds.
 */
class PackageClashCliTest {

  private static final String SPEC =
      "input: 32x32x3\nclasses: 10\nlayers:\n  - {name: fc, type: linear, units: classes}\n";

  @TempDir
  Path work;

  @Test
  void twoSpecsOfOnePackageAreRefusedNamingBothAndNothingIsWritten() throws IOException {
    Path dashed = spec("my-net.yaml");
    Path underscored = spec("my_net.yaml");
    List<String> expected = List.of(underscored + ":1:1: error: the file name 'my_net.yaml' gives package 'mynet',"
        + " the same package as " + dashed + "; rename one of the files");
    // whatever their order on the command line, the first by file name keeps the package
    assertGenerateFails(expected, underscored, dashed);
    assertGenerateFails(expected, dashed, underscored);
  }

  @Test
  void aClashIsReportedWithTheMistakesOfOtherSpecs() throws IOException {
    Path first = spec("net.yaml");
    Path second = Files.writeString(Files.createDirectories(work.resolve("other")).resolve("net.yaml"), SPEC);
    Path broken = Files.writeString(work.resolve("broken.yaml"), SPEC.replace("units: classes", "units: 0"));
    assertGenerateFails(List.of(
            broken + ":4:37: error: expected an integer ≥ 1 or 'classes', found '0'",
            second + ":1:1: error: the file name 'net.yaml' gives package 'net', the same package as " + first
                + "; rename one of the files"),
        first, second, broken);
  }

  @Test
  void aSpecGivenTwiceIsRefused() throws IOException {
    Path spec = spec("net.yaml");
    assertGenerateFails(List.of(spec + ":1:1: error: the spec is given twice; give each spec once"), spec, spec);
  }

  @Test
  void specsOfTheirOwnPackagesAreGenerated() throws IOException {
    Path output = work.resolve("out");
    CliRun run = CliRun.of("generate", spec("my-net.yaml").toString(), spec("mynet2.yaml").toString(),
        "-o", output.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals(List.of(output.resolve("io/netspec/models/NetspecModels.java"),
            output.resolve("io/netspec/models/mynet/MyNet.java"),
            output.resolve("io/netspec/models/mynet2/Mynet2.java")),
        files(output));
  }

  /** A line break in the value would start a line that looks like a message of its own; an escape, a colour. */
  @Test
  void aPackageWithALineBreakOrAnEscapeSequenceIsRefusedOnOneLine() throws IOException {
    Path spec = spec("net.yaml");
    for (String[] packageAndShown : new String[][] {
        {"com.example\nnet.yaml:1:1: error: forged", "com.example\\nnet.yaml:1:1: error: forged"},
        {"com.\u001B[2Jexample", "com.\\u001B[2Jexample"}}) {
      Path output = Files.createDirectories(work.resolve("out"));
      CliRun run = CliRun.of("generate", spec.toString(), "--package", packageAndShown[0], "-o", output.toString());
      assertEquals(1, run.code(), run.err());
      assertEquals(List.of("netspec: error: not a Java package name: '" + packageAndShown[1] + "'"),
          run.err().lines().toList());
      assertEquals(List.of(), files(output));
    }
  }

  @Test
  void aMissingFileWhoseNameHasALineBreakIsReportedOnOneLine() {
    CliRun run = CliRun.of("summary", work.resolve("no\nsuch.yaml").toString());
    assertEquals(1, run.code(), run.err());
    assertEquals(List.of("netspec: error: " + work + "/no\\nsuch.yaml: file not found"), run.err().lines().toList());
  }

  private Path spec(String fileName) throws IOException {
    return Files.writeString(work.resolve(fileName), SPEC);
  }

  private void assertGenerateFails(List<String> expected, Path... specs) throws IOException {
    Path output = Files.createDirectories(work.resolve("out"));
    List<String> args = new java.util.ArrayList<>(List.of("generate"));
    Stream.of(specs).map(Path::toString).forEach(args::add);
    args.addAll(List.of("-o", output.toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(1, run.code(), run.err());
    assertEquals(expected, run.err().lines().toList());
    assertEquals("", run.out());
    assertEquals(List.of(), files(output), "a refused run writes nothing");
  }

  /** Every file below {@code folder}, sorted. */
  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
