package io.netspec.runtime.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file with {@code javax.imageio}, safely: the size is read from the file's header and
 * checked against {@link #MAX_SIDE} and {@link #MAX_PIXELS} before any pixel is decoded (a decompression
 * bomb, say a 40000x40000 PNG of 1.5 MB, is refused without allocating its pixels), and any warning the decoder
 * raises (a truncated JPEG, whose missing part the decoder would fill grey; a corrupt segment) makes the file
 * skipped, never silently patched up. Nothing is thrown for a bad file: the result says why it was skipped.
 */
public final class ImageDecoder {

  /** The longest side of an image decoded, in pixels. */
  public static final int MAX_SIDE = 16_384;

  /** The most pixels an image decoded may have (40 megapixels: 160 MB as 32-bit RGB). */
  public static final long MAX_PIXELS = 40_000_000L;

  private ImageDecoder() {}

  /** Decodes {@code file}, or says why it is skipped. */
  public static DecodedImage decode(Path file) {
    if (Files.isDirectory(file)) {
      return DecodedImage.skipped(file, "is a folder, not an image file");
    }
    if (!Files.exists(file)) {
      return DecodedImage.skipped(file, "file not found");
    }
    if (!Files.isRegularFile(file)) {
      return DecodedImage.skipped(file, "not a regular file");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        return DecodedImage.skipped(file, "cannot be opened");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return DecodedImage.skipped(file, "not a JPEG or PNG image (its content is no image format "
            + "javax.imageio decodes, whatever its name)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return read(file, reader);
      } finally {
        reader.dispose();
      }
    } catch (NoSuchFileException e) {
      return DecodedImage.skipped(file, "file not found");
    } catch (IOException | RuntimeException e) {
      return DecodedImage.skipped(file, "corrupt or truncated " + format(file) + " (" + e.getMessage() + ")");
    } catch (OutOfMemoryError e) {
      return DecodedImage.skipped(file, "too large to decode in the memory available");
    }
  }

  private static DecodedImage read(Path file, ImageReader reader) throws IOException {
    String format = reader.getFormatName().toUpperCase(Locale.ROOT);
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    String size = width + "x" + height;
    if (width < 1 || height < 1) {
      return DecodedImage.skipped(file, format + " header announces an empty image (" + size + ")");
    }
    if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
      return DecodedImage.skipped(file, String.format(Locale.ROOT,
          "%s header announces %s pixels, over the limit of %,d per side and %,d in all (a decompression "
              + "bomb or a very large photo; shrink it first)", format, size, MAX_SIDE, MAX_PIXELS));
    }
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    BufferedImage image = reader.read(0);
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
