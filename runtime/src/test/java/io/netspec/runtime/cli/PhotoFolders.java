package io.netspec.runtime.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Folders of JPEG photos made at test time, one colour of blossom per class on a green background, in sizes
 * that differ from image to image.
 */
final class PhotoFolders {

  static final List<String> FLOWERS = List.of("daisy", "dandelion", "roses", "sunflowers", "tulips");
  private static final Color[] COLOURS = {new Color(240, 240, 240), new Color(250, 220, 0), new Color(200, 0, 30),
      new Color(255, 150, 0), new Color(220, 60, 160)};
  private static final int[][] SIZES = {{120, 90}, {80, 100}, {150, 150}, {64, 48}};

  private PhotoFolders() {}

  /** Writes {@code count} JPEGs of each class into {@code folder/<class>/}. */
  static void write(Path folder, List<String> classes, int count, long seed) throws IOException {
    Random random = new Random(seed);
    for (String name : classes) {
      Path classFolder = Files.createDirectories(folder.resolve(name));
      Color colour = COLOURS[FLOWERS.indexOf(name) % COLOURS.length];
      for (int i = 0; i < count; i++) {
        int[] size = SIZES[random.nextInt(SIZES.length)];
        BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(90), 60 + random.nextInt(80), random.nextInt(60)));
        g.fillRect(0, 0, size[0], size[1]);
        g.setColor(colour);
        for (int blossom = 0; blossom < 3; blossom++) {
          int r = 10 + random.nextInt(15);
          g.fillOval(random.nextInt(size[0] - r), random.nextInt(size[1] - r), r, r);
        }
        g.dispose();
        ImageIO.write(image, "jpg", classFolder.resolve(name + "-" + i + ".jpg").toFile());
      }
    }
  }

  /** Writes the train/ + val/ layout. */
  static Path trainVal(Path folder, List<String> classes, int train, int val) throws IOException {
    write(folder.resolve("train"), classes, train, 1);
    write(folder.resolve("val"), classes, val, 2);
    return folder;
  }
}
