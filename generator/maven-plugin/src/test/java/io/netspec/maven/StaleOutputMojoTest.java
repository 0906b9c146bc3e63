package io.netspec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated files that no spec produces any more are deleted, with the package folders they leave empty: after
 * a spec is removed, after the spec folder is emptied, and after it is deleted.
 */
class StaleOutputMojoTest {

  private static final String TINY = """
      input: 32x32x3
      classes: 10
      layers:
        - {name: conv1, type: convolution, patch: 3x3/1, filters: 8}
        - {name: pool, type: global_avg_pool}
        - {name: fc, type: linear, units: classes}
      """;

  @TempDir
  Path work;

  @Test
  void aRemovedSpecTakesItsPackageWithIt() throws Exception {
    Path specs = Files.createDirectories(work.resolve("specs"));
    Path out = work.resolve("out");
    Files.writeString(specs.resolve("one.yaml"), TINY);
    Files.writeString(specs.resolve("two.yaml"), TINY);
    BadSpecCorpusMojoTest.mojo(specs, out).execute();
    assertTrue(Files.isDirectory(out.resolve("sources/io/netspec/models/two")), files(out).toString());

    Files.delete(specs.resolve("two.yaml"));
    BadSpecCorpusMojoTest.mojo(specs, out).execute();
    assertFalse(Files.exists(out.resolve("sources/io/netspec/models/two")), "no empty package left");
    assertFalse(Files.exists(out.resolve("resources/io/netspec/models/two")), "nor its spec copy");
    assertTrue(files(out).stream().anyMatch(f -> f.contains("models/one/")), files(out).toString());
  }

  @Test
  void anEmptyOrMissingSpecFolderLeavesNoGeneratedSource() throws Exception {
    for (boolean deleteFolder : List.of(false, true)) {
      Path specs = Files.createDirectories(work.resolve("specs-" + deleteFolder));
      Path out = work.resolve("out-" + deleteFolder);
      Files.writeString(specs.resolve("one.yaml"), TINY);
      BadSpecCorpusMojoTest.mojo(specs, out).execute();
      assertFalse(javaFiles(out).isEmpty());

      Files.delete(specs.resolve("one.yaml"));
      if (deleteFolder) {
        Files.delete(specs);
      }
      BadSpecCorpusMojoTest.mojo(specs, out).execute();
      assertEquals(List.of(), javaFiles(out), "no source without a spec (folder deleted: " + deleteFolder + ")");
      assertFalse(Files.exists(out.resolve("sources/io")), "no empty package folders: " + files(out));
    }
  }

  private static List<String> javaFiles(Path out) throws IOException {
    return files(out).stream().filter(f -> f.endsWith(".java")).toList();
  }

  private static List<String> files(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }
}
