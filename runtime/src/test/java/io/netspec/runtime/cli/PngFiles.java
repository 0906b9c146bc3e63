package io.netspec.runtime.cli;

import io.netspec.runtime.data.LabeledImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Images of a data set written as files, for {@code predict} and image-folder training. */
final class PngFiles {

  private PngFiles() {}

  /** Writes image {@code i} of {@code images} as an 8-bit grayscale PNG. */
  static Path write(LabeledImages images, int i, Path file) throws IOException {
    BufferedImage image = new BufferedImage(images.width(), images.height(), BufferedImage.TYPE_BYTE_GRAY);
    int size = images.height() * images.width();
    for (int p = 0; p < size; p++) {
      image.getRaster().setSample(p % images.width(), p / images.width(), 0,
          Byte.toUnsignedInt(images.pixels()[i * size + p]));
    }
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
