package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDirectoryTest {

  @TempDir
  Path folder;

  private void write(String name, IdxArray array, boolean gzip) throws IOException {
    try (OutputStream out = Files.newOutputStream(folder.resolve(name))) {
      IdxFormat.write(array, out, gzip);
    }
  }

  private void writeImages(String name, int count, boolean gzip) throws IOException {
    write(name, new IdxArray(new int[] {count, 4, 5}, new byte[count * 20]), gzip);
  }

  @Test
  void readsPlainAndCompressedFilesUnderMnistNames() throws Exception {
    writeImages("train-images-idx3-ubyte", 3, false);
    write("train-labels-idx1-ubyte.gz", new IdxArray(new int[] {3}, new byte[] {0, 9, 4}), true);
    LabeledImages train = new IdxDirectory(folder).load(Split.TRAIN);
    assertEquals(3, train.count());
    assertEquals(4, train.height());
    assertEquals(5, train.width());
    assertEquals(9, train.label(1));
  }

  @Test
  void missingLabelsFileIsNamed() throws Exception {
    writeImages("t10k-images-idx3-ubyte.gz", 2, true);
    DataException e = assertThrows(DataException.class, () -> new IdxDirectory(folder).load(Split.TEST));
    assertTrue(e.getMessage().startsWith(folder.resolve("t10k-labels-idx1-ubyte.gz") + ": file not found"),
        e.getMessage());
  }

  @Test
  void countMismatchNamesTheLabelsFile() throws Exception {
    writeImages("train-images-idx3-ubyte.gz", 3, true);
    write("train-labels-idx1-ubyte.gz", new IdxArray(new int[] {2}, new byte[] {0, 1}), true);
    DataException e = assertThrows(DataException.class, () -> new IdxDirectory(folder).load(Split.TRAIN));
    assertTrue(e.getMessage().startsWith(folder.resolve("train-labels-idx1-ubyte.gz") + ": holds 2 labels"),
        e.getMessage());
  }

  @Test
  void labelOutOfRangeIsNamed() throws Exception {
    writeImages("train-images-idx3-ubyte.gz", 2, true);
    write("train-labels-idx1-ubyte.gz", new IdxArray(new int[] {2}, new byte[] {0, 10}), true);
    DataException e = assertThrows(DataException.class, () -> new IdxDirectory(folder).load(Split.TRAIN));
    assertTrue(e.getMessage().contains("label 10 of item 1"), e.getMessage());
  }

  @Test
  void imagesWithWrongRankAreNamed() throws Exception {
    write("train-images-idx3-ubyte.gz", new IdxArray(new int[] {2, 3}, new byte[6]), true);
    write("train-labels-idx1-ubyte.gz", new IdxArray(new int[] {2}, new byte[2]), true);
    DataException e = assertThrows(DataException.class, () -> new IdxDirectory(folder).load(Split.TRAIN));
    assertTrue(e.getMessage().endsWith("expected 3 dimensions (count, rows, columns), found 2"), e.getMessage());
  }

  private static final ImageShape GRAY = new ImageShape(1, 28, 28);

  @Test
  void dataArgumentThatIsNoFolderIsNamed() {
    DataException e = assertThrows(DataException.class,
        () -> DataSource.resolve(folder.resolve("nowhere").toString(), GRAY));
    assertEquals(folder.resolve("nowhere") + ": not a folder of IDX files or of class folders", e.getMessage());
  }

  @Test
  void noDataArgumentMeansTheEmbeddedSample() throws Exception {
    assertTrue(DataSource.resolve(null, GRAY) instanceof EmbeddedSample);
  }
}
