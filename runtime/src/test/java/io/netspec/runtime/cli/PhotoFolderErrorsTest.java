package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad photo folders and options: one line naming the folder or the option, a non-zero exit, and no run folder.
 */
class PhotoFolderErrorsTest {

  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));

  @TempDir
  Path work;

  private CliRun train(Path data, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("train", "--spec", SPECS.resolve("googlenet.yaml")
        .toString(), "--data", data.toString(), "--epochs", "1", "--output", work.resolve("runs").toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private void assertOneLineAndNoRunFolder(CliRun run, int code, String expected) throws Exception {
    assertEquals(code, run.code(), run.err());
    // one line says what is wrong (a usage error adds where to find help)
    assertEquals(1, run.err().lines().filter(l -> l.startsWith("netspec: ")).count(), run.err());
    assertTrue(run.err().contains(expected), run.err());
    assertTrue(PhotosWorkflowTest.isEmptyOrMissing(work.resolve("runs")), "no run folder");
  }

  @Test
  void anEmptyClassFolder() throws Exception {
    Path data = PhotoFolders.trainVal(work.resolve("data"), List.of("daisy", "roses"), 1, 1);
    Files.createDirectories(data.resolve("train/tulips"));
    Files.createDirectories(data.resolve("val/tulips"));
    assertOneLineAndNoRunFolder(train(data), 1, "netspec: error: " + data.resolve("train/tulips")
        + ": class folder holds no .jpg, .jpeg or .png image");
  }

  @Test
  void aClassOnlyInVal() throws Exception {
    Path data = PhotoFolders.trainVal(work.resolve("data"), List.of("daisy", "roses"), 1, 1);
    PhotoFolders.write(data.resolve("val"), List.of("tulips"), 1, 3);
    assertOneLineAndNoRunFolder(train(data), 1, "(only in val/: tulips)");
  }

  @Test
  void aShareHeldOutOfRange() throws Exception {
    Path data = work.resolve("flat");
    PhotoFolders.write(data, List.of("daisy", "roses"), 2, 1);
    assertOneLineAndNoRunFolder(train(data, "--val-split", "1.5"), 2,
        "--val-split must be above 0 and below 1, not 1.5");
  }
}
