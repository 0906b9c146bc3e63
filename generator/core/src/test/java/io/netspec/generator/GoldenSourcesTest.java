package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares the generated sources of {@code specs/googlenet.yaml} with the files committed under
 * {@code src/test/resources/golden/}, so that any change to generated code shows up as a reviewed diff.
 *
 * <p>To accept a change, regenerate the files and review {@code git diff}:
 * <pre>
 * mvn -pl generator/core test -Dtest=GoldenSourcesTest -Dnetspec.updateGolden=true
 * </pre>
 */
class GoldenSourcesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void googlenetMatchesTheCommittedSources() throws IOException {
    List<JavaSource> sources = NetworkGenerator.builder().build()
        .generateAll(List.of(ShippedSpecs.analyze("googlenet.yaml")));
    if (Boolean.getBoolean("netspec.updateGolden")) {
      deleteRecursively(GOLDEN);
      SourceWriter writer = new SourceWriter(GOLDEN);
      for (JavaSource source : sources) {
        writer.write(source);
      }
    }
    List<String> expectedFiles;
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      expectedFiles = files.filter(Files::isRegularFile)
          .map(file -> GOLDEN.relativize(file).toString().replace('\\', '/')).sorted().toList();
    }
    assertEquals(expectedFiles, sources.stream().map(JavaSource::relativePath).sorted().toList(),
        "generated files; run with -Dnetspec.updateGolden=true to accept");
    for (JavaSource source : sources) {
      assertEquals(Files.readString(GOLDEN.resolve(source.relativePath()), StandardCharsets.UTF_8),
          source.content(), source.relativePath() + "; run with -Dnetspec.updateGolden=true to accept");
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
