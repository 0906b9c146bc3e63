package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image folder of two classes, one colour PNG and JPEG each plus a corrupt file, read at 8x8. */
class ImageFolderTest {

  private static final ImageShape RGB = new ImageShape(3, 8, 8);

  @TempDir
  static Path folder;

  @BeforeAll
  static void writeImages() throws Exception {
    for (String name : List.of("cat", "dog")) {
      Files.createDirectories(folder.resolve(name));
      for (int i = 0; i < 10; i++) {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 12; y++) {
          for (int x = 0; x < 16; x++) {
            image.setRGB(x, y, name.equals("cat") ? 0xff0000 : 0x0000ff);
          }
        }
        String format = i % 2 == 0 ? "png" : "jpg";
        ImageIO.write(image, format, folder.resolve(name).resolve(i + "." + format).toFile());
      }
    }
    Files.writeString(folder.resolve("dog/broken.png"), "not a PNG");
    Files.writeString(folder.resolve("dog/notes.txt"), "not an image name: ignored");
  }

  @Test
  void classesAreTheSortedSubfoldersAndTheDataArgumentFindsThem() throws Exception {
    DataSource source = DataSource.resolve(folder.toString(), RGB);
    assertTrue(source instanceof ImageFolder, source.toString());
    assertEquals(List.of("cat", "dog"), source.classNames());
  }

  @Test
  void tenPercentOfEveryClassIsHeldOutAndACorruptFileIsSkippedAndCounted() throws Exception {
    ImageFolder images = new ImageFolder(folder, RGB);
    LabeledImages train = images.load(Split.TRAIN);
    LabeledImages test = images.load(Split.TEST);
    // cat: 10 images, 1 held out; dog: 11 files (one corrupt), 1 held out; the corrupt one is in one split
    assertEquals(20, train.count() + test.count());
    assertEquals(1, test.classCounts(2)[0]);
    assertEquals(1, images.skipped().size(), images.skipped().toString());
    assertTrue(images.skipped().get(0).startsWith(folder.resolve("dog/broken.png").toString()),
        images.skipped().toString());
    assertEquals(2, train.classCounts(2).length);
    assertEquals(9, train.classCounts(2)[0]);
  }

  @Test
  void colourIsKeptAsThreePlanes() throws Exception {
    LabeledImages train = new ImageFolder(folder, RGB).load(Split.TRAIN);
    int i = train.label(0) == 0 ? 0 : 1;
    while (train.label(i) != 0) {
      i++;
    }
    int plane = 64;
    int red = Byte.toUnsignedInt(train.pixels()[i * train.imageSize()]);
    int blue = Byte.toUnsignedInt(train.pixels()[i * train.imageSize() + 2 * plane]);
    assertTrue(red > 200 && blue < 60, red + " " + blue);
  }

  @Test
  void theSplitIsTheSameEveryTime() throws Exception {
    LabeledImages a = new ImageFolder(folder, RGB).load(Split.TEST);
    LabeledImages b = new ImageFolder(folder, RGB).load(Split.TEST);
    assertTrue(Arrays.equals(a.pixels(), b.pixels()));
  }
}
