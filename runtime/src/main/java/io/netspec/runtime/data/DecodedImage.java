package io.netspec.runtime.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link ImageDecoder} made of one file: its pixels, or the reason it was skipped. A skipped file is never
 * patched up (a truncated JPEG is not filled grey): the caller names it, counts it and goes on without it.
 *
 * @param file the file
 * @param image the decoded image; null if skipped
 * @param skipReason why the file was skipped, without the file name; null if decoded
 */
public record DecodedImage(Path file, BufferedImage image, String skipReason) {

  public DecodedImage {
    if ((image == null) == (skipReason == null)) {
      throw new IllegalArgumentException("an image is either decoded or skipped with a reason");
    }
  }

  static DecodedImage decoded(Path file, BufferedImage image) {
    return new DecodedImage(file, image, null);
  }

  static DecodedImage skipped(Path file, String reason) {
    return new DecodedImage(file, null, reason);
  }

  /** Whether the file was decoded. */
  public boolean isDecoded() {
    return image != null;
  }

  /** The decoded image, or empty if skipped. */
  public Optional<BufferedImage> decoded() {
    return Optional.ofNullable(image);
  }

  /** The decoded image. */
  public BufferedImage orThrow() throws DataException {
    if (image == null) {
      throw new DataException(file.toString(), skipReason);
    }
    return image;
  }

  /** {@code file: reason}, the line a skip is reported with. */
  public String skipMessage() {
    return file + ": " + skipReason;
  }
}
