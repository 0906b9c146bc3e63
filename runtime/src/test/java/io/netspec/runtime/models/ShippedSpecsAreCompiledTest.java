package io.netspec.runtime.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netspec.dsl.load.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build applies the netspec plugin to {@code specs/}: every spec file there is a compiled network of this
 * build, found by its file stem and its class name, and built from the spec as it is now (same SHA-256), so a
 * spec a user adds or edits is what {@code ./netspec train --model NAME} trains.
 */
class ShippedSpecsAreCompiledTest {

  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));

  @Test
  void everySpecFileIsACompiledNetwork() throws Exception {
    List<String> specFiles = specFiles();
    ModelCatalog catalog = ModelCatalog.generated();
    assertEquals(specFiles, catalog.all().stream().map(ModelType::specFile).sorted().toList());
    for (String file : specFiles) {
      String stem = file.substring(0, file.length() - ".yaml".length());
      ModelType byStem = catalog.find(stem);
      assertEquals(file, byStem.specFile());
      assertSame(byStem, catalog.find(byStem.networkClass().getSimpleName()));
      assertEquals(SpecLoader.load(SPECS.resolve(file)).sha256(), byStem.specSha256(), file);
    }
  }

  private static List<String> specFiles() throws IOException {
    try (Stream<Path> files = Files.list(SPECS)) {
      return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
          .sorted().toList();
    }
  }
}
