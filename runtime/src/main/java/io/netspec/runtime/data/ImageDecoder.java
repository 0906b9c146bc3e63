package io.netspec.runtime.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file, safely: the size is read from the file's header and checked against {@link #MAX_SIDE}
 * and {@link #MAX_PIXELS} before any pixel is decoded (a decompression bomb, say a 40000x40000 PNG of 1.5 MB, is
 * refused without allocating its pixels), and any warning the decoder raises (a truncated JPEG, whose missing part
 * the decoder would fill grey; a corrupt segment) makes the file skipped, never silently patched up. Nothing is
 * thrown for a bad file: the result says why it was skipped.
 *
 * <p>JPEGs go to libjpeg-turbo ({@link TurboJpegDecoder}) where {@link JpegDecoderChoice} says so; PNGs, the other
 * formats, and JPEGs libjpeg-turbo hands back (CMYK, a header it cannot read) go to {@code javax.imageio}.
 *
 * <p>Decoding for a given size ({@link #decode(Path, int, int)}) reads a much larger image reduced by a factor
 * {@code 1/n}, the strongest the decoder can do that {@link #reductionAllowed} allows (at least twice the target's
 * rows and columns left); the caller's bilinear resize then brings it to the exact size. libjpeg-turbo reduces
 * by its DCT scale ({@code n} = 2, 4 or 8); {@code javax.imageio} reads every {@code n}-th row and column
 * ({@link ImageReadParam#setSourceSubsampling}, any whole {@code n}: {@link #subsampling}). A 3000x2000 photo
 * read for 256x256 is read as 1500x1000 by the one ({@code n} = 2; 4 would leave 500 rows, fewer than 512),
 * 1000x667 by the other ({@code n} = 3) rather than 3000x2000. {@code javax.imageio} readers are kept per
 * thread and reused ({@link ImageReader#reset}), one per decoder kind, rather than looked up and created again
 * for every file.
 */
public final class ImageDecoder {

  /** The longest side of an image decoded, in pixels. */
  public static final int MAX_SIDE = 16_384;

  /** The most pixels an image decoded may have (40 megapixels: 160 MB as 32-bit RGB). */
  public static final long MAX_PIXELS = 40_000_000L;

  /** This thread's readers, one per decoder kind, reused from file to file. */
  private static final ThreadLocal<Map<ImageReaderSpi, ImageReader>> READERS =
      ThreadLocal.withInitial(HashMap::new);

  private ImageDecoder() {}

  /** Decodes {@code file} at its full size, or says why it is skipped. */
  public static DecodedImage decode(Path file) {
    return decode(file, 0, 0);
  }

  /**
   * Decodes {@code file} for resizing to {@code height x width}: reduced (see {@link #reductionAllowed}) when it
   * is at least four times larger on both sides, else whole; or says why it is skipped. A size of 0 decodes it
   * whole.
   */
  public static DecodedImage decode(Path file, int height, int width) {
    if (Files.isDirectory(file)) {
      return DecodedImage.skipped(file, "is a folder, not an image file");
    }
    if (!Files.exists(file)) {
      return DecodedImage.skipped(file, "file not found");
    }
    if (!Files.isRegularFile(file)) {
      return DecodedImage.skipped(file, "not a regular file");
    }
    try {
      if (JpegDecoderChoice.useTurboJpeg()) {
        byte[] jpeg = jpegBytes(file);
        DecodedImage result = jpeg == null ? null : TurboJpegDecoder.decode(file, jpeg, height, width);
        if (result != null) {
          return result;
        }
      }
      return decodeWithImageIo(file, height, width);
    } catch (NoSuchFileException e) {
      return DecodedImage.skipped(file, "file not found");
    } catch (IOException | RuntimeException e) {
      return DecodedImage.skipped(file, "corrupt or truncated " + format(file) + " (" + e.getMessage() + ")");
    } catch (OutOfMemoryError e) {
      return DecodedImage.skipped(file, "too large to decode in the memory available");
    }
  }

  /** Decodes {@code file} with {@code javax.imageio}: the format's reader, kept for this thread. */
  private static DecodedImage decodeWithImageIo(Path file, int height, int width) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        return DecodedImage.skipped(file, "cannot be opened");
      }
      ImageReaderSpi kind = readerKind(in);
      if (kind == null) {
        return DecodedImage.skipped(file, "not a JPEG or PNG image (its content is no image format "
            + "javax.imageio decodes, whatever its name)");
      }
      Map<ImageReaderSpi, ImageReader> readers = READERS.get();
      ImageReader reader = readers.get(kind);
      if (reader == null) {
        reader = kind.createReaderInstance();
        readers.put(kind, reader);
      }
      boolean reusable = false;
      try {
        reader.setInput(in, true, true);
        DecodedImage result = read(file, reader, height, width);
        reusable = true;
        return result;
      } finally {
        if (reusable) {
          reader.reset(); // drops the input and the warning listener, keeps the decoder's native state
        } else {
          readers.remove(kind); // a reader that threw is not trusted again
          reader.dispose();
        }
      }
    }
  }

  /**
   * The rule for reading an image of {@code sourceHeight x sourceWidth} reduced by {@code 1/n} (each side divided
   * by {@code n}) for resizing to {@code height x width}: allowed where it still leaves at least twice the
   * target's rows and columns; with a target of size 0 (the whole image), never. Both decoders take the largest
   * {@code n} they can do that this allows.
   */
  static boolean reductionAllowed(int sourceHeight, int sourceWidth, int n, int height, int width) {
    if (n == 1) {
      return true;
    }
    return height >= 1 && width >= 1
        && sourceHeight >= 2L * height * n && sourceWidth >= 2L * width * n;
  }

  /**
   * {@code javax.imageio}'s subsampling step for an image of {@code sourceHeight x sourceWidth} read for {@code
   * height x width}: the largest whole step {@link #reductionAllowed} allows, 1 (no subsampling) for an image
   * less than four times the target's size on either side or a target of size 0.
   */
  static int subsampling(int sourceHeight, int sourceWidth, int height, int width) {
    int step = 1;
    while (reductionAllowed(sourceHeight, sourceWidth, step + 1, height, width)) {
      step++;
    }
    return step;
  }

  /**
   * Why an image of {@code width x height} that a {@code format} header announces is not decoded (empty, or over
   * {@link #MAX_SIDE} or {@link #MAX_PIXELS}); null if it may be.
   */
  static String sizeProblem(String format, int width, int height) {
    String size = width + "x" + height;
    if (width < 1 || height < 1) {
      return format + " header announces an empty image (" + size + ")";
    }
    if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
      return String.format(Locale.ROOT,
          "%s header announces %s pixels, over the limit of %,d per side and %,d in all (a decompression "
              + "bomb or a very large photo; shrink it first)", format, size, MAX_SIDE, MAX_PIXELS);
    }
    return null;
  }

  /** Whether {@code head} begins as a JPEG file does: an SOI marker followed by another marker. */
  static boolean isJpeg(byte[] head) {
    return head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff;
  }

  /** The bytes of {@code file} if it begins as a JPEG does, else null (only its first bytes read). */
  private static byte[] jpegBytes(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      if (!isJpeg(in.readNBytes(3))) {
        return null;
      }
    }
    return Files.readAllBytes(file);
  }

  /**
   * The first registered reader kind that recognises the stream's content, or null: the same choice as
   * {@code ImageIO.getImageReaders}, which also takes a kind that fails reading the signature for a no.
   */
  private static ImageReaderSpi readerKind(ImageInputStream in) throws IOException {
    Iterator<ImageReaderSpi> kinds = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
    while (kinds.hasNext()) {
      ImageReaderSpi kind = kinds.next();
      in.mark();
      boolean decodes;
      try {
        decodes = kind.canDecodeInput(in);
      } catch (IOException e) {
        decodes = false; // a file too short for this kind's signature, say: not this kind (as ImageIO decides)
      } finally {
        in.reset();
      }
      if (decodes) {
        return kind;
      }
    }
    return null;
  }

  private static DecodedImage read(Path file, ImageReader reader, int targetHeight, int targetWidth)
      throws IOException {
    String format = reader.getFormatName().toUpperCase(Locale.ROOT);
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    String tooLarge = sizeProblem(format, width, height);
    if (tooLarge != null) {
      return DecodedImage.skipped(file, tooLarge);
    }
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    ImageReadParam param = reader.getDefaultReadParam();
    int step = subsampling(height, width, targetHeight, targetWidth);
    if (step > 1) {
      param.setSourceSubsampling(step, step, 0, 0);
    }
    BufferedImage image = reader.read(0, param);
    if (!warnings.isEmpty()) {
      return DecodedImage.skipped(file, "corrupt or truncated " + format + ": the decoder warns: "
          + String.join("; ", warnings));
    }
    if (image == null) {
      return DecodedImage.skipped(file, format + " decoder returned no image");
    }
    return DecodedImage.decoded(file, image);
  }

  private static String format(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") ? "PNG" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "JPEG" : "image";
  }
}
