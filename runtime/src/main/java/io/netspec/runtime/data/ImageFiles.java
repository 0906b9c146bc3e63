package io.netspec.runtime.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;

/**
 * Image files (JPEG, PNG and whatever else {@code javax.imageio} reads) as grayscale pixel planes of a given
 * size, the form netspec's data sets keep images in.
 */
public final class ImageFiles {

  private ImageFiles() {}

  /**
   * Decodes an image file into {@code channels} planes of {@code height x width} bytes, resized bilinearly:
   * grayscale (1), the luminance (ITU-R BT.601 weights) of a colour image or the samples themselves of a
   * grayscale one; or red, green and blue (3).
   *
   * @throws DataException if the file is missing, unreadable, not an image {@code javax.imageio} decodes,
   *     larger than {@link ImageDecoder}'s bounds, or corrupt or truncated (see {@link ImageDecoder})
   */
  public static byte[] read(Path file, int channels, int height, int width) throws DataException {
    BufferedImage image = decode(file);
    if (channels == 1) {
      return gray(image, height, width);
    }
    if (channels != 3) {
      throw new IllegalArgumentException("images have 1 or 3 channels, not " + channels);
    }
    int h = image.getHeight();
    int w = image.getWidth();
    float[][] planes = new float[3][h * w];
    boolean grayscale = isGray(image);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = grayscale ? image.getRaster().getSample(x, y, 0) * 0x010101 : image.getRGB(x, y);
        planes[0][y * w + x] = (rgb >> 16) & 0xff;
        planes[1][y * w + x] = (rgb >> 8) & 0xff;
        planes[2][y * w + x] = rgb & 0xff;
      }
    }
    byte[] pixels = new byte[3 * height * width];
    for (int c = 0; c < 3; c++) {
      byte[] plane = bytes(planes[c], h, w, height, width);
      System.arraycopy(plane, 0, pixels, c * plane.length, plane.length);
    }
    return pixels;
  }

  private static BufferedImage decode(Path file) throws DataException {
    return ImageDecoder.decode(file).orThrow();
  }

  /** Whether the image holds 8-bit gray samples (with or without alpha), read as they are. */
  private static boolean isGray(BufferedImage image) {
    Raster raster = image.getRaster();
    return raster.getNumBands() <= 2 && raster.getSampleModel().getSampleSize(0) == 8
        && image.getColorModel().getColorSpace().getNumComponents() == 1;
  }

  /** The image's luminance, resized to {@code height x width}, as unsigned bytes. */
  static byte[] gray(BufferedImage image, int height, int width) {
    int h = image.getHeight();
    int w = image.getWidth();
    float[] plane = new float[h * w];
    Raster raster = image.getRaster();
    boolean grayscale = isGray(image);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (grayscale) {
          plane[y * w + x] = raster.getSample(x, y, 0); // not getRGB, which converts linear gray to sRGB
        } else {
          int rgb = image.getRGB(x, y);
          plane[y * w + x] =
              0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
        }
      }
    }
    return bytes(plane, h, w, height, width);
  }

  /** A plane of {@code h x w} values resized to {@code height x width} and rounded to unsigned bytes. */
  private static byte[] bytes(float[] plane, int h, int w, int height, int width) {
    float[] sized = h == height && w == width ? plane : Bilinear.resize(plane, h, w, height, width);
    byte[] pixels = new byte[sized.length];
    for (int i = 0; i < sized.length; i++) {
      pixels[i] = (byte) Math.max(0, Math.min(255, Math.round(sized[i])));
    }
    return pixels;
  }
}
