package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libjpeg-turbo's decode ({@link TurboJpegDecoder}) against {@code javax.imageio}'s on JPEGs written here by
 * {@code javax.imageio} (4:2:0 colour and grayscale, odd sizes), its DCT-scaled decode, its refusals, and the
 * choice between the two decoders. Skipped, with the reason, where {@code libturbojpeg.so.0} is not installed
 * ({@code .ci/run} installs Debian's {@code libturbojpeg0}).
 */
class TurboJpegDecoderTest {

  /**
   * The largest difference allowed between the two decoders' samples at full scale, of 255: none. Both are
   * libjpeg (6b in the JDK, libjpeg-turbo here) with the same default accurate integer inverse DCT, fancy
   * (triangular) chroma upsampling and fixed-point YCbCr to RGB tables, integer arithmetic that libjpeg-turbo's
   * SIMD code reproduces exactly; 0 was measured on every image below. A difference would be a change in either
   * library to find out about (ImageFilesTest also compares the loader's bytes with the old path's exactly).
   */
  private static final int FULL_SCALE_TOLERANCE = 0;

  @TempDir
  Path folder;

  @BeforeAll
  static void needsTheLibrary() {
    assumeTrue(JpegDecoderChoice.turboJpegLoaded(), "libjpeg-turbo's libturbojpeg.so.0 cannot be loaded here "
        + "(apt-get install libturbojpeg0): " + JpegDecoderChoice.describe());
  }

  @Test
  void fullScaleDecodeEqualsImageIosWithinTheTolerance() throws Exception {
    int largest = 0;
    StringBuilder measured = new StringBuilder();
    for (int[] size : new int[][] {{333, 251}, {97, 61}, {7, 9}, {17, 300}}) {
      for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY}) {
        boolean gray = type == BufferedImage.TYPE_BYTE_GRAY;
        String name = size[0] + "x" + size[1] + (gray ? "-gray" : "-colour") + ".jpg";
        Path file = write(ImageFilesTest.scene(size[0], size[1], type), name);
        byte[] jpeg = Files.readAllBytes(file);
        assertEquals(gray ? "11" : "22 11 11", samplingFactors(jpeg),
            name + ": javax.imageio writes 4:2:0 colour (luminance sampled 2x2) and one-component gray");
        BufferedImage turbo = TurboJpegDecoder.decode(file, jpeg, 0, 0).orThrow();
        BufferedImage reference = ImageIO.read(file.toFile());
        assertEquals(reference.getType(), turbo.getType(), name + ": the same kind of image as javax.imageio's");
        assertEquals(reference.getWidth(), turbo.getWidth(), name);
        assertEquals(reference.getHeight(), turbo.getHeight(), name);
        int difference = largestDifference(reference.getRaster(), turbo.getRaster());
        measured.append(name).append(": ").append(difference).append("; ");
        largest = Math.max(largest, difference);
      }
    }
    assertTrue(largest <= FULL_SCALE_TOLERANCE, "largest difference per sample: " + measured);
    System.out.println("TurboJpegDecoderTest: largest difference against javax.imageio per image: " + measured);
  }

  @Test
  void theDctScaleIsTheStrongestTheRuleAllows() {
    assertEquals(4, TurboJpegDecoder.denominator(1200, 1600, 100, 100), "1200 / 4 = 300 >= 200; 1200 / 8 < 200");
    assertEquals(2, TurboJpegDecoder.denominator(900, 1000, 224, 224), "900 / 2 = 450 >= 448");
    assertEquals(1, TurboJpegDecoder.denominator(895, 1000, 224, 224), "895 / 2 < 448: decoded whole");
    assertEquals(8, TurboJpegDecoder.denominator(16000, 16000, 28, 28), "1/8 is the strongest libjpeg scale");
    assertEquals(1, TurboJpegDecoder.denominator(1200, 1600, 0, 0), "no target: whole");
    for (int[] c : new int[][] {{1200, 1600, 100, 100}, {900, 1000, 224, 224}, {3000, 2000, 256, 256}}) {
      int n = TurboJpegDecoder.denominator(c[0], c[1], c[2], c[3]);
      assertTrue(ImageDecoder.reductionAllowed(c[0], c[1], n, c[2], c[3]), "the one rule allows 1/" + n);
      assertFalse(ImageDecoder.reductionAllowed(c[0], c[1], 2 * n, c[2], c[3]), "and not 1/" + 2 * n);
    }
  }

  @Test
  void aLargeJpegIsDecodedAtTheScaleTheRuleGivesAndStaysCloseToTheFullDecode() throws Exception {
    Path file = write(ImageFilesTest.scene(1601, 1203, BufferedImage.TYPE_INT_RGB), "large.jpg");
    BufferedImage scaled = ImageDecoder.decode(file, 100, 100).orThrow();
    assertEquals(401, scaled.getWidth(), "1601 / 4, rounded up (TJSCALED)");
    assertEquals(301, scaled.getHeight(), "1203 / 4, rounded up");
    assertEquals(1601, ImageDecoder.decode(file).orThrow().getWidth(), "no target: the whole image");
    assertEquals(801, ImageDecoder.decode(file, 300, 300).orThrow().getWidth(), "1203 / 2 >= 600: 1/2");
    // the DCT scale averages each 4x4 block, the full decode + bilinear resize samples points: they differ at
    // sharp edges, as javax.imageio's subsampled decode does (ImageFilesTest)
    String difference = ImageFilesTest.assertCloseToTheFullDecode(file, ImageFiles.read(file, 3, 100, 100));
    System.out.println("TurboJpegDecoderTest: 1/4 scale against the full decode, 100x100: " + difference);
  }

  @Test
  void aTruncatedJpegIsRefusedWithTheDecodersReasonAndTheHandleRecovers() throws Exception {
    Path whole = write(ImageFilesTest.scene(640, 480, BufferedImage.TYPE_INT_RGB), "whole.jpg");
    byte[] bytes = Files.readAllBytes(whole);
    for (double keep : new double[] {0.5, 0.95}) {
      Path truncated = Files.write(folder.resolve("truncated-" + keep + ".jpg"),
          Arrays.copyOf(bytes, (int) (bytes.length * keep)));
      DecodedImage result = ImageDecoder.decode(truncated, 100, 100);
      assertFalse(result.isDecoded(), "decoded despite its missing end");
      assertTrue(result.skipMessage().startsWith(truncated + ": corrupt or truncated JPEG: the decoder warns: "),
          result.skipMessage());
      assertTrue(result.skipReason().length() > "corrupt or truncated JPEG: the decoder warns: ".length(),
          "the library's message: " + result.skipReason());
      assertTrue(ImageDecoder.decode(whole, 100, 100).isDecoded(), "the next file decodes");
    }
  }

  @Test
  void aHugeHeaderIsRefusedBeforeDecoding() throws Exception {
    Path small = write(ImageFilesTest.scene(64, 48, BufferedImage.TYPE_INT_RGB), "small.jpg");
    byte[] jpeg = Files.readAllBytes(small);
    int sof = startOfFrame(jpeg);
    // SOF: FF C0, length (2), precision (1), height (2), width (2): 40000 = 0x9C40 both ways
    jpeg[sof + 5] = (byte) 0x9c;
    jpeg[sof + 6] = 0x40;
    jpeg[sof + 7] = (byte) 0x9c;
    jpeg[sof + 8] = 0x40;
    Path bomb = Files.write(folder.resolve("bomb.jpg"), jpeg);
    long before = usedMemory();
    DecodedImage result = TurboJpegDecoder.decode(bomb, jpeg, 0, 0);
    assertNotNull(result, "TurboJPEG reads the header itself");
    assertTrue(result.skipReason().startsWith("JPEG header announces 40000x40000 pixels, over the limit"),
        result.skipReason());
    assertTrue(usedMemory() - before < 1_000_000_000L, "no 4.8 GB image allocated");
    assertEquals(result.skipMessage(), ImageDecoder.decode(bomb, 28, 28).skipMessage());
  }

  @Test
  void whatIsNoJpegGoesToJavaxImageio() throws Exception {
    Path png = folder.resolve("named.jpg");
    assertTrue(ImageIO.write(ImageFilesTest.scene(90, 70, BufferedImage.TYPE_INT_RGB), "png", png.toFile()));
    assertFalse(ImageDecoder.isJpeg(Files.readAllBytes(png)), "a PNG's signature");
    BufferedImage decoded = ImageDecoder.decode(png).orThrow();
    BufferedImage reference = ImageIO.read(png.toFile());
    assertEquals(reference.getType(), decoded.getType(), "a PNG named .jpg decodes through javax.imageio");
    assertEquals(0, largestDifference(reference.getRaster(), decoded.getRaster()));
    Path text = Files.writeString(folder.resolve("notes.jpg"), "not an image");
    assertTrue(ImageDecoder.decode(text).skipReason().startsWith("not a JPEG or PNG image"),
        ImageDecoder.decode(text).skipReason());
    // a JPEG's first marker, then nothing of one: TurboJPEG cannot read a header, javax.imageio refuses it
    Path garbage = Files.write(folder.resolve("garbage.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff,
        'n', 'o', 't', ' ', 'a', ' ', 'J', 'P', 'E', 'G'});
    assertNull(TurboJpegDecoder.decode(garbage, Files.readAllBytes(garbage), 0, 0));
    assertTrue(ImageDecoder.decode(garbage).skipReason().startsWith("corrupt or truncated JPEG"),
        ImageDecoder.decode(garbage).skipReason());
  }

  @Test
  void theSwitchForcesJavaxImageio() throws Exception {
    Path file = write(ImageFilesTest.scene(1600, 1200, BufferedImage.TYPE_INT_RGB), "large.jpg");
    assertTrue(JpegDecoderChoice.useTurboJpeg(), JpegDecoderChoice.describe());
    assertTrue(JpegDecoderChoice.describe().startsWith("libjpeg-turbo (TurboJPEG, "), JpegDecoderChoice.describe());
    assertEquals(400, ImageDecoder.decode(file, 100, 100).orThrow().getWidth(), "libjpeg-turbo's 1/4 scale");
    ForcedImageIo.call(() -> {
      assertFalse(JpegDecoderChoice.useTurboJpeg());
      assertEquals("javax.imageio (netspec.jpeg=imageio)", JpegDecoderChoice.describe());
      assertEquals(267, ImageDecoder.decode(file, 100, 100).orThrow().getWidth(), "javax.imageio's step 6");
      return null;
    });
    assertEquals(400, ImageDecoder.decode(file, 100, 100).orThrow().getWidth(), "libjpeg-turbo again");
  }

  @Test
  void aFourComponentJpegGoesToJavaxImageio() throws Exception {
    // javax.imageio writes a 4-band raster as a 4-component JPEG (no Adobe marker), which libjpeg takes for CMYK
    BufferedImage rgb = ImageFilesTest.scene(64, 48, BufferedImage.TYPE_INT_ARGB);
    Path file = folder.resolve("cmyk.jpg");
    var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (var out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new javax.imageio.IIOImage(rgb.getRaster(), null, null), null);
    } finally {
      writer.dispose();
    }
    byte[] jpeg = Files.readAllBytes(file);
    assertEquals(4, jpeg[startOfFrame(jpeg) + 9], "four components");
    assertNull(TurboJpegDecoder.decode(file, jpeg, 0, 0), "handed to javax.imageio");
    DecodedImage viaImageIo = ForcedImageIo.call(() -> ImageDecoder.decode(file));
    DecodedImage byDefault = ImageDecoder.decode(file);
    assertEquals(viaImageIo.isDecoded(), byDefault.isDecoded(), "javax.imageio's verdict: " + viaImageIo);
    assertEquals(viaImageIo.skipReason(), byDefault.skipReason());
  }

  /** The sampling factors (two hex digits, horizontal and vertical) of each component, from the SOF segment. */
  private static String samplingFactors(byte[] jpeg) {
    int sof = startOfFrame(jpeg);
    int components = jpeg[sof + 9];
    StringBuilder factors = new StringBuilder();
    for (int c = 0; c < components; c++) {
      factors.append(c > 0 ? " " : "").append(String.format("%02x", jpeg[sof + 11 + 3 * c]));
    }
    return factors.toString();
  }

  /** Where the baseline start-of-frame marker (FF C0) stands: the headers before it hold no such bytes. */
  private static int startOfFrame(byte[] jpeg) {
    for (int i = 2; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
        return i;
      }
    }
    throw new AssertionError("no baseline SOF marker");
  }

  private static int largestDifference(Raster a, Raster b) {
    int[] x = a.getPixels(0, 0, a.getWidth(), a.getHeight(), (int[]) null);
    int[] y = b.getPixels(0, 0, b.getWidth(), b.getHeight(), (int[]) null);
    assertEquals(x.length, y.length);
    int largest = 0;
    for (int i = 0; i < x.length; i++) {
      largest = Math.max(largest, Math.abs(x[i] - y[i]));
    }
    return largest;
  }

  private static long usedMemory() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private Path write(BufferedImage image, String name) throws IOException {
    Path file = folder.resolve(name);
    assertTrue(ImageIO.write(image, "jpg", file.toFile()), "a JPEG writer");
    return file;
  }
}
