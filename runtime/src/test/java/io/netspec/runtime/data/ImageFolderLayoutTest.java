package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two layouts of an image folder, the held-out share of a flat one, and the mistakes each can hold. */
class ImageFolderLayoutTest {

  private static final ImageShape SHAPE = new ImageShape(3, 8, 8);

  @TempDir
  Path folder;

  private void images(Path classFolder, int count) throws IOException {
    Files.createDirectories(classFolder);
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(10 + i, 8, BufferedImage.TYPE_INT_RGB);
      image.setRGB(0, 0, 0x123456 * (i + 1));
      ImageIO.write(image, "png", classFolder.resolve(i + ".png").toFile());
    }
  }

  @Test
  void trainAndValFoldersAreReadAsTheyAre() throws Exception {
    images(folder.resolve("train/a"), 3);
    images(folder.resolve("train/b"), 2);
    images(folder.resolve("val/a"), 1);
    images(folder.resolve("val/b/nested"), 2); // subfolders of a class folder count, as torchvision's
    DataSource source = DataSource.resolve(folder.toString(), SHAPE);
    assertEquals(List.of("a", "b"), source.classNames());
    assertEquals(5, source.load(Split.TRAIN).count());
    LabeledImages val = source.load(Split.TEST);
    assertEquals(3, val.count());
    assertEquals(2, val.classCounts(2)[1]);
    assertEquals(8, source.load(HeldOut.ALL).count());
  }

  @Test
  void aValFolderWithOtherClassesIsAnErrorNamingThem() throws Exception {
    images(folder.resolve("train/a"), 1);
    images(folder.resolve("train/b"), 1);
    images(folder.resolve("val/a"), 1);
    images(folder.resolve("val/c"), 1);
    DataException e = assertThrows(DataException.class, () -> DataSource.resolve(folder.toString(), SHAPE));
    assertEquals(folder.resolve("val") + ": its class folders differ from " + folder.resolve("train")
        + "'s (only in val/: c; missing from val/: b); the classes come from train/", e.getMessage());
  }

  @Test
  void anEmptyClassFolderIsAnError() throws Exception {
    images(folder.resolve("train/a"), 2);
    Files.createDirectories(folder.resolve("train/b"));
    images(folder.resolve("val/a"), 1);
    Files.createDirectories(folder.resolve("val/b"));
    DataException e = assertThrows(DataException.class, () -> DataSource.resolve(folder.toString(), SHAPE));
    assertTrue(e.getMessage().startsWith(folder.resolve("train/b") + ": class folder holds no"), e.getMessage());
  }

  @Test
  void trainWithoutValIsAnError() throws Exception {
    images(folder.resolve("train/a"), 2);
    DataException e = assertThrows(DataException.class, () -> DataSource.resolve(folder.toString(), SHAPE));
    assertTrue(e.getMessage().contains("has train/ but no val/ folder"), e.getMessage());
  }

  @Test
  void aFlatFolderHoldsOutTheGivenShareOfEveryClassAndRecordsIt() throws Exception {
    images(folder.resolve("a"), 8);
    images(folder.resolve("b"), 4);
    FolderOptions quarter = new FolderOptions(0.25, Optional.empty(), 2);
    ImageFolder images = new ImageFolder(folder, SHAPE, quarter);
    LabeledImages val = images.load(Split.TEST);
    // 25% of 8 is 2, of 4 is 1: stratified, each class its own share
    assertEquals(2, val.classCounts(2)[0]);
    assertEquals(1, val.classCounts(2)[1]);
    assertEquals(9, images.load(Split.TRAIN).count());
    List<String> recorded = images.splitRecord().getAsJsonArray("val").asList().stream()
        .map(e -> e.getAsString()).toList();
    assertEquals(3, recorded.size());
    // read again with the recorded split, even with another share, the same files are held out
    images(folder.resolve("a"), 10); // files added since do not move into the held-out split
    ImageFolder again = new ImageFolder(folder, SHAPE, new FolderOptions(0.5, Optional.empty(), 1)
        .withRecordedVal(recorded));
    assertEquals(3, again.load(Split.TEST).count());
    assertEquals(recorded, again.splitRecord().getAsJsonArray("val").asList().stream()
        .map(e -> e.getAsString()).toList());
  }

  @Test
  void theHeldOutShareMustBeAboveZeroAndBelowOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FolderOptions(1.5, Optional.empty(), 1));
    assertEquals("--val-split must be above 0 and below 1, not 1.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FolderOptions(0, Optional.empty(), 1));
  }
}
