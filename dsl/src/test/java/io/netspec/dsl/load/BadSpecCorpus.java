package io.netspec.dsl.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bad-spec corpus, {@code dsl/src/test/resources/bad-specs}: one spec per mistake, each stating in
 * {@code # expect: } lines at its top the diagnostics it must give. The loader's test reads it here, the CLI's
 * and the Maven plugin's tests through dsl's test jar.
 */
public final class BadSpecCorpus {

  /** The prefix of an expected diagnostic line. */
  public static final String EXPECT = "# expect: ";

  private BadSpecCorpus() {}

  /**
   * The corpus folder, from the base folder of a module of this repository.
   *
   * @param repository the repository's root
   * @return the folder
   */
  public static Path folder(Path repository) {
    return repository.resolve("dsl/src/test/resources/bad-specs");
  }

  /**
   * The cases: every {@code .yaml} file directly in the folder (not those of {@code parents/}), sorted.
   *
   * @param folder the corpus folder
   * @return the files
   * @throws IOException if the folder cannot be listed
   */
  public static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  /**
   * The expected diagnostics of a case, without the prefix; read leniently, since a case may hold bytes that
   * are not UTF-8.
   *
   * @param file the case
   * @return its expected lines, in order
   * @throws IOException if it cannot be read
   */
  public static List<String> expectations(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()
        .filter(line -> line.startsWith(EXPECT))
        .map(line -> line.substring(EXPECT.length()))
        .toList();
  }
}
