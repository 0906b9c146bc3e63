package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

  @TempDir
  Path runs;

  @Test
  void numbersRunsAfterTheHighestExistingOne() throws Exception {
    Files.createDirectories(runs.resolve("train-7"));
    Files.createDirectories(runs.resolve("train-x"));
    Files.createDirectories(runs.resolve("predict-20"));
    assertEquals(runs.resolve("train-8"), RunFolder.create(runs, "train").path());
    assertEquals(runs.resolve("train-9"), RunFolder.create(runs, "train").path());
  }

  @Test
  void startsAtOneAndCreatesTheParent() throws Exception {
    assertEquals(runs.resolve("new/train-1"), RunFolder.create(runs.resolve("new"), "train").path());
  }

  @Test
  void replacesFilesWholeAndLeavesNoTemporaryFiles() throws Exception {
    RunFolder folder = RunFolder.create(runs, "train");
    folder.writeText("metrics.jsonl", "{\"epoch\":1}\n");
    folder.writeText("metrics.jsonl", "{\"epoch\":1}\n{\"epoch\":2}\n");
    folder.writeText("spec/a.yaml", "input: 28x28x1\n");
    assertEquals(List.of("{\"epoch\":1}", "{\"epoch\":2}"), Files.readAllLines(folder.path().resolve("metrics.jsonl")));
    try (Stream<Path> files = Files.walk(folder.path())) {
      assertEquals(Set.of("metrics.jsonl", "spec", "spec/a.yaml"),
          files.skip(1).map(p -> folder.path().relativize(p).toString()).collect(Collectors.toSet()));
    }
  }
}
