package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders of class folders that are not what they seem: each refused with one line naming the folder. */
class ClassFolderRulesTest {

  private static final ImageShape SHAPE = new ImageShape(1, 8, 8);

  @TempDir
  Path data;

  @Test
  void anEmptyClassFolderIsRefusedNotMadeAClass() throws IOException {
    image("cat/1.png");
    Files.createDirectories(data.resolve("dog"));
    DataException e = assertThrows(DataException.class, () -> new ImageFolder(data, SHAPE));
    assertEquals(data.resolve("dog") + ": class folder holds no .jpg, .jpeg or .png image; remove it or add images",
        e.getMessage());
  }

  @Test
  void imagesInNestedFoldersCountForTheirClassNotIgnored() throws IOException, DataException {
    image("cat/1.png");
    image("dog/1.png");
    image("dog/puppies/2.png");
    ImageFolder folder = new ImageFolder(data, SHAPE);
    assertEquals(java.util.List.of("cat", "dog"), folder.classNames());
    assertEquals(3, folder.load(HeldOut.ALL).count()); // dog/puppies/2.png is one of dog's images
  }

  @Test
  void oneClassIsRefusedBeforeTraining() throws IOException {
    image("cat/1.png");
    DataException e = assertThrows(DataException.class, () -> new ImageFolder(data, SHAPE));
    assertEquals(data + ": has one class folder ('cat'); a classifier needs at least two classes, one subfolder "
        + "each", e.getMessage());
  }

  @Test
  void twoGoodClassesPass() throws IOException, DataException {
    image("cat/1.png");
    image("dog/1.png");
    Files.createDirectories(data.resolve("dog/.hidden"));
    assertEquals(2, new ImageFolder(data, SHAPE).classNames().size());
  }

  @Test
  void aSplitWhoseImagesAreMostlyUnreadableStopsNamingTheFirst() throws IOException {
    for (int i = 0; i < 4; i++) {
      image("cat/" + i + ".png");
      image("dog/" + i + ".png");
    }
    Files.writeString(data.resolve("dog/broken.png"), "no png");
    Files.writeString(data.resolve("cat/broken.png"), "no png");
    DataException e = assertThrows(DataException.class, () -> new ImageFolder(data, SHAPE).load(Split.TRAIN));
    assertEquals(data + ": 2 of 8 image files (25%) could not be used, over the limit of 10%; the first: "
        + data.resolve("cat/broken.png") + ": not a JPEG or PNG image (its content is no image format "
        + "javax.imageio decodes, whatever its name)", e.getMessage().replace(data.resolve("dog/broken.png")
        + ": not", data.resolve("cat/broken.png") + ": not"));
  }

  private void image(String name) throws IOException {
    Path file = data.resolve(name);
    Files.createDirectories(file.getParent());
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
  }
}
