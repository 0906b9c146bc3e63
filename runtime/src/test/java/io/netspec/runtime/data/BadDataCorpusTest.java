package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken data files, made at test time: a decompression bomb (a 40000x40000 PNG of about 1.5 MB),
 * a truncated JPEG and PNG, files that are no images, IDX headers that overflow, announce more than the file
 * holds, or have zero-height images. Each is skipped with its reason or refused with one line naming it; none is
 * decoded into something else, none allocates what its header announces.
 */
class BadDataCorpusTest {

  private static final int BOMB_SIDE = 40_000;

  @TempDir
  static Path corpus;

  private static Path bomb;
  private static Path good;

  @BeforeAll
  static void makeCorpus() throws IOException {
    bomb = corpus.resolve("bomb.png");
    writeZeroPng(bomb, BOMB_SIDE, BOMB_SIDE);
    good = corpus.resolve("good.png");
    ImageIO.write(gradient(64, 48), "png", good.toFile());
  }

  @Test
  void theBombIsSmallOnDiskAndRefusedFromItsHeader() throws IOException {
    long size = Files.size(bomb);
    assertTrue(size > 1_000_000 && size < 2_500_000, "a bomb: " + size + " bytes for 1.6 GB of pixels");
    DecodedImage result = ImageDecoder.decode(bomb);
    assertFalse(result.isDecoded());
    assertTrue(result.skipReason().contains("40000x40000"), result.skipReason());
    DataException e = assertThrows(DataException.class, () -> ImageFiles.read(bomb, 1, 28, 28));
    assertTrue(e.getMessage().startsWith(bomb + ": PNG header announces 40000x40000 pixels"), e.getMessage());
  }

  @Test
  void aTruncatedJpegIsSkippedNotFilledGrey() throws IOException {
    Path whole = corpus.resolve("whole.jpg");
    ImageIO.write(gradient(256, 256), "jpg", whole.toFile());
    assertTrue(ImageDecoder.decode(whole).isDecoded(), "the whole file decodes");
    Path truncated = truncate(whole, corpus.resolve("truncated.jpg"), 0.5);
    DecodedImage result = ImageDecoder.decode(truncated);
    assertFalse(result.isDecoded(), "decoded despite its missing half");
    assertTrue(result.skipMessage().startsWith(truncated + ": corrupt or truncated JPEG"), result.skipMessage());
  }

  @Test
  void aTruncatedPngIsSkipped() throws IOException {
    Path big = corpus.resolve("big.png");
    ImageIO.write(gradient(300, 300), "png", big.toFile());
    Path truncated = truncate(big, corpus.resolve("truncated.png"), 0.5);
    DecodedImage result = ImageDecoder.decode(truncated);
    assertFalse(result.isDecoded());
    assertTrue(result.skipReason().startsWith("corrupt or truncated"), result.skipReason());
  }

  @Test
  void aGoodImageDecodes() throws IOException {
    DecodedImage result = ImageDecoder.decode(good);
    assertTrue(result.isDecoded());
    assertEquals(64, result.image().getWidth());
  }

  @Test
  void folderAndNonImageAreNamed() throws IOException {
    assertEquals(corpus + ": is a folder, not an image file", ImageDecoder.decode(corpus).skipMessage());
    Path text = Files.writeString(corpus.resolve("notes.jpg"), "not an image at all");
    assertTrue(ImageDecoder.decode(text).skipReason().startsWith("not a JPEG or PNG image"));
  }

  @Test
  void idxDimensionsThatOverflowAreRefused() {
    byte[] header = idxHeader(1 << 21, 1 << 21, 1 << 22);
    DataException e = assertThrows(DataException.class,
        () -> IdxFormat.read("overflow.idx", new java.io.ByteArrayInputStream(header)));
    assertTrue(e.getMessage().startsWith("overflow.idx: its header announces 2097152x2097152x4194304 = more "
        + "than 2^63 values"), e.getMessage());
  }

  @Test
  void anIdxHeaderAnnouncingMoreThanTheFileHoldsAllocatesOnlyTheFile() {
    byte[] file = Arrays.copyOf(idxHeader(2_100_000, 1_000, 1), 116); // 2.1e9 values announced, 100 held
    long before = usedMemory();
    DataException e = assertThrows(DataException.class,
        () -> IdxFormat.read("short.idx", new java.io.ByteArrayInputStream(file)));
    assertEquals("short.idx: truncated: its header announces 2100000000 values, the file holds 100", e.getMessage());
    assertTrue(usedMemory() - before < 500_000_000L, "no 2.1 GB allocation");
  }

  @Test
  void zeroHeightIdxImagesAreRefused() {
    byte[] header = idxHeader(10, 0, 28);
    DataException e = assertThrows(DataException.class,
        () -> IdxFormat.read("flat.idx", new java.io.ByteArrayInputStream(header)));
    assertEquals("flat.idx: dimension 1 is zero (10x0x28): its items hold no values", e.getMessage());
  }

  @Test
  void aSplitWithTooManySkippedImagesStops() throws DataException {
    SkippedImages.checkShare("data", 10, List.of("data/a.png: bad")); // 10%: allowed
    DataException e = assertThrows(DataException.class,
        () -> SkippedImages.checkShare("data", 10, List.of("data/a.png: bad", "data/b.png: bad")));
    assertEquals("data: 2 of 10 image files (20%) could not be used, over the limit of 10%; the first: "
        + "data/a.png: bad", e.getMessage());
  }

  private static long usedMemory() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static byte[] idxHeader(int... dimensions) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt((IdxFormat.UNSIGNED_BYTE << 8) | dimensions.length);
      for (int d : dimensions) {
        out.writeInt(d);
      }
      out.write(new byte[100]);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  private static Path truncate(Path from, Path to, double keep) throws IOException {
    byte[] bytes = Files.readAllBytes(from);
    return Files.write(to, Arrays.copyOf(bytes, (int) (bytes.length * keep)));
  }

  private static BufferedImage gradient(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | ((x + y) & 0xff));
      }
    }
    return image;
  }

  /** A valid 8-bit grayscale PNG of zeros, written row by row so that its pixels are never in memory. */
  private static void writeZeroPng(Path file, int width, int height) throws IOException {
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
      byte[] row = new byte[width + 1]; // filter byte 0, then the samples
      for (int y = 0; y < height; y++) {
        z.write(row);
      }
    }
    deflater.end();
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(width);
      h.writeInt(height);
      h.write(new byte[] {8, 0, 0, 0, 0}); // 8 bits, grayscale, deflate, no filter method, no interlace
      chunk(out, "IHDR", ihdr.toByteArray());
      chunk(out, "IDAT", idat.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(data.length);
    byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    d.write(name);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    d.writeInt((int) crc.getValue());
    d.flush();
  }
}
