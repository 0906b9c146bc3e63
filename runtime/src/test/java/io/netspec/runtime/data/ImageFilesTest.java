package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast decoding path (pixels read from the raster's bytes, readers reused, large images subsampled) against
 * the path it replaced: {@code ImageIO.read} of the whole image, {@code getRGB} pixel by pixel, then the same
 * bilinear resize ({@link #reference}, written here as the old code was).
 */
class ImageFilesTest {

  @TempDir
  Path folder;

  @Test
  void theSubsamplingStepLeavesAtLeastTwiceTheTarget() {
    assertEquals(6, ImageDecoder.subsampling(1200, 1600, 100, 100)); // 1200 / 6 = 200 = 2 x 100
    assertEquals(1, ImageDecoder.subsampling(500, 500, 256, 256), "less than 4x: decoded whole");
    assertEquals(1, ImageDecoder.subsampling(1023, 4000, 256, 256), "the shorter side rules");
    assertEquals(2, ImageDecoder.subsampling(1024, 4000, 256, 256));
    assertEquals(1, ImageDecoder.subsampling(1200, 1600, 0, 0), "no target: whole");
  }

  @Test
  void rgbAndGrayJpegsAndPngsGiveTheOldPathsBytesExactly() throws IOException, DataException {
    Path colourJpeg = write(scene(320, 240, BufferedImage.TYPE_INT_RGB), "jpg", "colour.jpg");
    Path grayJpeg = write(scene(200, 150, BufferedImage.TYPE_BYTE_GRAY), "jpg", "gray.jpg");
    Path rgbaPng = write(scene(90, 70, BufferedImage.TYPE_INT_ARGB), "png", "alpha.png");
    // 64x80 is less than a quarter of none of them: decoded whole, as before
    assertEquals(1, ImageDecoder.subsampling(240, 320, 64, 80));
    for (Path file : new Path[] {colourJpeg, grayJpeg, rgbaPng}) {
      for (int channels : new int[] {1, 3}) {
        assertArrayEquals(reference(file, channels, 64, 80), ImageFiles.read(file, channels, 64, 80),
            file.getFileName() + ", " + channels + " channel(s)");
        assertArrayEquals(reference(file, channels, 128, 96), ImageFiles.read(file, channels, 128, 96),
            file.getFileName() + " enlarged, " + channels + " channel(s)");
      }
    }
  }

  @Test
  void aLargePhotoDecodedSubsampledStaysCloseToTheFullDecode() throws Exception {
    // javax.imageio's subsampling (libjpeg-turbo's DCT scale: TurboJpegDecoderTest)
    Path file = write(scene(1600, 1200, BufferedImage.TYPE_INT_RGB), "jpg", "large.jpg");
    DecodedImage subsampled = ForcedImageIo.call(() -> ImageDecoder.decode(file, 100, 100));
    assertEquals(267, subsampled.orThrow().getWidth(), "1600 / 6, rounded up");
    assertEquals(200, subsampled.orThrow().getHeight());
    byte[] fast = ForcedImageIo.call(() -> ImageFiles.read(file, 3, 100, 100));
    // both sample the source without low-pass filtering, at different points: they differ at sharp edges only
    assertCloseToTheFullDecode(file, fast); // mean 0.86 when written
  }

  /**
   * Asserts that {@code fast}, {@code file} read reduced for 3x100x100, differs from the old path's full decode
   * and resize by less than 1.5 of 255 on average and less than 128 at most; returns the two figures in words.
   */
  static String assertCloseToTheFullDecode(Path file, byte[] fast) throws IOException {
    byte[] full = reference(file, 3, 100, 100);
    double sum = 0;
    int largest = 0;
    for (int i = 0; i < fast.length; i++) {
      int d = Math.abs(Byte.toUnsignedInt(fast[i]) - Byte.toUnsignedInt(full[i]));
      sum += d;
      largest = Math.max(largest, d);
    }
    double mean = sum / fast.length;
    assertTrue(mean < 1.5, "mean absolute difference " + mean + " of 255");
    assertTrue(largest < 128, "largest difference " + largest + " of 255");
    return "mean " + mean + ", largest " + largest;
  }

  @Test
  void aTruncatedLargeJpegIsStillRefusedWhenSubsampled() throws Exception {
    Path whole = write(scene(1600, 1200, BufferedImage.TYPE_INT_RGB), "jpg", "whole.jpg");
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = Files.write(folder.resolve("truncated.jpg"), Arrays.copyOf(bytes, bytes.length / 2));
    Callable<Void> check = () -> {
      DataException e = assertThrows(DataException.class, () -> ImageFiles.read(truncated, 3, 100, 100));
      assertTrue(e.getMessage().startsWith(truncated + ": corrupt or truncated JPEG"), e.getMessage());
      // the thread's reader is still good for the next file
      assertEquals(300, ImageFiles.read(whole, 3, 10, 10).length);
      return null;
    };
    check.call(); // libjpeg-turbo's DCT scale where installed
    ForcedImageIo.call(check); // javax.imageio's subsampling
  }

  /** The old path: the whole image, getRGB (or the gray samples) pixel by pixel, the bilinear resize. */
  static byte[] reference(Path file, int channels, int height, int width) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    int h = image.getHeight();
    int w = image.getWidth();
    boolean gray = image.getRaster().getNumBands() <= 2
        && image.getColorModel().getColorSpace().getNumComponents() == 1;
    float[][] planes = new float[channels][h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = gray ? image.getRaster().getSample(x, y, 0) * 0x010101 : image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (channels == 1) {
          planes[0][y * w + x] = gray ? b : 0.299f * r + 0.587f * g + 0.114f * b;
        } else {
          planes[0][y * w + x] = r;
          planes[1][y * w + x] = g;
          planes[2][y * w + x] = b;
        }
      }
    }
    byte[] pixels = new byte[channels * height * width];
    for (int c = 0; c < channels; c++) {
      float[] sized = Bilinear.resize(planes[c], h, w, height, width);
      for (int i = 0; i < sized.length; i++) {
        pixels[c * sized.length + i] = (byte) Math.max(0, Math.min(255, Math.round(sized[i])));
      }
    }
    return pixels;
  }

  /** A photo-like picture: a smooth gradient with soft-edged discs of colour. */
  static BufferedImage scene(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    for (int y = 0; y < height; y++) {
      g.setColor(new Color(40 + 150 * y / height, 90, 200 - 120 * y / height));
      g.drawLine(0, y, width, y);
    }
    Random random = new Random(7);
    for (int i = 0; i < 12; i++) {
      int r = width / 12 + random.nextInt(width / 6);
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 200));
      g.fillOval(random.nextInt(width), random.nextInt(height), r, r);
    }
    g.dispose();
    return image;
  }

  private Path write(BufferedImage image, String format, String name) throws IOException {
    Path file = folder.resolve(name);
    assertTrue(ImageIO.write(image, format, file.toFile()), "a " + format + " writer");
    return file;
  }
}
