package io.netspec.runtime.data;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.nio.file.Path;

/**
 * Image files (JPEG, PNG and whatever else {@link ImageDecoder} reads) as grayscale pixel planes of a given
 * size, the form netspec's data sets keep images in.
 *
 * <p>The pixels of the common kinds of decoded image (8-bit RGB, RGBA or gray samples interleaved in one byte
 * array, in the sRGB or gray colour space: what the JPEG decoder returns) are read straight from the raster's
 * bytes; any other kind goes through {@link BufferedImage#getRGB}, which converts to sRGB. Both give the same
 * values for the common kinds.
 */
public final class ImageFiles {

  /** ITU-R BT.601 luminance weights of red, green and blue. */
  private static final float RED = 0.299f;
  private static final float GREEN = 0.587f;
  private static final float BLUE = 0.114f;

  private ImageFiles() {}

  /**
   * Decodes an image file into {@code channels} planes of {@code height x width} bytes, resized bilinearly:
   * grayscale (1), the luminance (ITU-R BT.601 weights) of a colour image or the samples themselves of a
   * grayscale one; or red, green and blue (3). An image at least four times the size on both sides is decoded
   * reduced first (see {@link ImageDecoder#decode(Path, int, int)}).
   *
   * @throws DataException if the file is missing, unreadable, not an image {@link ImageDecoder} decodes,
   *     larger than {@link ImageDecoder}'s bounds, or corrupt or truncated (see {@link ImageDecoder})
   */
  public static byte[] read(Path file, int channels, int height, int width) throws DataException {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("images have 1 or 3 channels, not " + channels);
    }
    return pixels(ImageDecoder.decode(file, height, width).orThrow(), channels, height, width);
  }

  /** The image as {@code channels} planes of {@code height x width} bytes (see {@link #read}). */
  static byte[] pixels(BufferedImage image, int channels, int height, int width) {
    float[][] planes = planes(image, channels);
    int h = image.getHeight();
    int w = image.getWidth();
    byte[] pixels = new byte[channels * height * width];
    int size = height * width;
    for (int c = 0; c < channels; c++) {
      if (c > 0 && planes[c] == planes[c - 1]) {
        System.arraycopy(pixels, (c - 1) * size, pixels, c * size, size); // a gray plane repeated
      } else {
        bytes(planes[c], h, w, height, width, pixels, c * size);
      }
    }
    return pixels;
  }

  /**
   * The image's values at its own size: one plane (the gray samples or the luminance) or three (red, green,
   * blue; a grayscale image's one plane three times).
   */
  private static float[][] planes(BufferedImage image, int channels) {
    int h = image.getHeight();
    int w = image.getWidth();
    int n = h * w;
    if (isGray(image)) {
      float[] gray = new float[n];
      Raster raster = image.getRaster();
      // the samples as they are: not getRGB, which converts linear gray to sRGB
      int[] samples = raster.getSamples(raster.getMinX(), raster.getMinY(), w, h, 0, (int[]) null);
      for (int i = 0; i < n; i++) {
        gray[i] = samples[i];
      }
      return channels == 1 ? new float[][] {gray} : new float[][] {gray, gray, gray};
    }
    float[] red = new float[n];
    float[] green = new float[n];
    float[] blue = new float[n];
    if (!readBytes(image, red, green, blue)) {
      int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
      for (int i = 0; i < n; i++) {
        red[i] = (rgb[i] >> 16) & 0xff;
        green[i] = (rgb[i] >> 8) & 0xff;
        blue[i] = rgb[i] & 0xff;
      }
    }
    if (channels == 3) {
      return new float[][] {red, green, blue};
    }
    for (int i = 0; i < n; i++) {
      red[i] = RED * red[i] + GREEN * green[i] + BLUE * blue[i];
    }
    return new float[][] {red};
  }

  /**
   * Reads an sRGB image of 8-bit samples interleaved in one byte array (3 bands, or 4 with non-premultiplied
   * alpha) straight from its bytes; false, reading nothing, for any other kind.
   */
  private static boolean readBytes(BufferedImage image, float[] red, float[] green, float[] blue) {
    Raster raster = image.getRaster();
    if (!(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
        || !(raster.getSampleModel() instanceof ComponentSampleModel model)
        || !image.getColorModel().getColorSpace().isCS_sRGB() || image.getColorModel().isAlphaPremultiplied()
        || raster.getNumBands() < 3 || raster.getNumBands() > 4
        || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
      return false;
    }
    for (int b = 0; b < raster.getNumBands(); b++) {
      if (model.getSampleSize(b) != 8) {
        return false;
      }
    }
    byte[] data = buffer.getData();
    int[] bands = model.getBandOffsets();
    int pixelStride = model.getPixelStride();
    int lineStride = model.getScanlineStride();
    int w = image.getWidth();
    int h = image.getHeight();
    int start = buffer.getOffset();
    for (int y = 0; y < h; y++) {
      int at = start + y * lineStride;
      int i = y * w;
      for (int x = 0; x < w; x++, at += pixelStride, i++) {
        red[i] = data[at + bands[0]] & 0xff;
        green[i] = data[at + bands[1]] & 0xff;
        blue[i] = data[at + bands[2]] & 0xff;
      }
    }
    return true;
  }

  /** Whether the image holds 8-bit gray samples (with or without alpha), read as they are. */
  private static boolean isGray(BufferedImage image) {
    Raster raster = image.getRaster();
    return raster.getNumBands() <= 2 && raster.getSampleModel().getSampleSize(0) == 8
        && image.getColorModel().getColorSpace().getNumComponents() == 1;
  }

  /**
   * A plane of {@code h x w} values resized to {@code height x width}, rounded to unsigned bytes and written to
   * {@code target} from {@code offset}.
   */
  private static void bytes(float[] plane, int h, int w, int height, int width, byte[] target, int offset) {
    float[] sized = h == height && w == width ? plane : Bilinear.resize(plane, h, w, height, width);
    for (int i = 0; i < sized.length; i++) {
      target[offset + i] = (byte) Math.max(0, Math.min(255, Math.round(sized[i])));
    }
  }
}
