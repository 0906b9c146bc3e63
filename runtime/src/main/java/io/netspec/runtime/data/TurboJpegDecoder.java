package io.netspec.runtime.data;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.ref.Cleaner;
import java.nio.file.Path;

/**
 * Decodes one JPEG file's bytes with libjpeg-turbo ({@link TurboJpeg}), with {@link ImageDecoder}'s guarantees:
 * the header's size is checked against {@link ImageDecoder}'s bounds before any pixel is decoded, and decoding
 * runs with {@code TJFLAG_STOPONWARNING}, so a truncated or corrupt JPEG (which libjpeg would finish grey) is
 * skipped with the library's message, never patched up.
 *
 * <p>A JPEG much larger than the size it is read for is decoded at a reduced DCT scale (libjpeg's
 * {@code scale_denom}: 1/2, 1/4 or 1/8 of each side, the inverse DCT itself computing fewer pixels), the
 * strongest that {@link ImageDecoder#reductionAllowed} allows. Only the factors {@code 1/n} are used, the ones
 * libjpeg has always had; libjpeg-turbo's other {@code n/8} factors reduce less and would trade its SIMD inverse
 * DCT for plain C.
 *
 * <p>The result is the kind of image {@code javax.imageio}'s JPEG reader returns: {@code TYPE_3BYTE_BGR} for a
 * colour JPEG (decoded as {@code TJPF_BGR}, the byte order of that type, straight into its buffer),
 * {@code TYPE_BYTE_GRAY} for a grayscale one ({@code TJPF_GRAY}). CMYK and YCCK JPEGs, which TurboJPEG decodes to
 * CMYK only, and JPEGs whose header TurboJPEG cannot read are handed back to {@code javax.imageio} (null), so
 * they are decoded or skipped as before.
 *
 * <p>Each thread keeps one decompressor handle and reuses it; a handle is destroyed after a failure (a new one
 * is made for the next file) and, through a {@link Cleaner}, when its thread is gone.
 */
final class TurboJpegDecoder {

  private static final Cleaner CLEANER = Cleaner.create();

  private static final ThreadLocal<Handle> HANDLES = new ThreadLocal<>();

  /** The scale denominators {@code n} of the factors {@code 1/n} the library offers, smallest first. */
  private static final int[] DENOMINATORS = TurboJpeg.scalingFactors().stream()
      .filter(factor -> factor[0] == 1).mapToInt(factor -> factor[1]).sorted().toArray();

  private TurboJpegDecoder() {}

  /**
   * Decodes {@code jpeg}, the bytes of {@code file}, for resizing to {@code height x width} (0 for the whole
   * image); or says why it is skipped; or null where {@code javax.imageio} is to decide.
   */
  static DecodedImage decode(Path file, byte[] jpeg, int height, int width) {
    Handle handle = HANDLES.get();
    if (handle == null) {
      handle = Handle.create();
      if (handle == null) {
        return null; // no decompressor (out of memory in C): javax.imageio decides
      }
      HANDLES.set(handle);
    }
    NativeLong size = new NativeLong(jpeg.length);
    int[] sourceWidth = new int[1];
    int[] sourceHeight = new int[1];
    int[] subsampling = new int[1];
    int[] colorspace = new int[1];
    if (TurboJpeg.tjDecompressHeader3(handle.pointer, jpeg, size, sourceWidth, sourceHeight, subsampling,
        colorspace) != 0) {
      discard(handle);
      return null; // a header TurboJPEG cannot read (an unusual sampling, say): javax.imageio decides
    }
    if (colorspace[0] == TurboJpeg.CS_CMYK || colorspace[0] == TurboJpeg.CS_YCCK) {
      return null;
    }
    String tooLarge = ImageDecoder.sizeProblem("JPEG", sourceWidth[0], sourceHeight[0]);
    if (tooLarge != null) {
      return DecodedImage.skipped(file, tooLarge);
    }
    int denominator = denominator(sourceHeight[0], sourceWidth[0], height, width);
    int scaledWidth = scaled(sourceWidth[0], denominator);
    int scaledHeight = scaled(sourceHeight[0], denominator);
    boolean gray = subsampling[0] == TurboJpeg.SAMP_GRAY;
    BufferedImage image = new BufferedImage(scaledWidth, scaledHeight,
        gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    if (TurboJpeg.tjDecompress2(handle.pointer, jpeg, size, pixels, scaledWidth, 0, scaledHeight,
        gray ? TurboJpeg.PF_GRAY : TurboJpeg.PF_BGR, TurboJpeg.FLAG_STOP_ON_WARNING) != 0) {
      String message = TurboJpeg.tjGetErrorStr2(handle.pointer);
      boolean warning = TurboJpeg.tjGetErrorCode(handle.pointer) == TurboJpeg.ERR_WARNING;
      discard(handle);
      return DecodedImage.skipped(file, warning
          ? "corrupt or truncated JPEG: the decoder warns: " + message
          : "corrupt or truncated JPEG (" + message + ")");
    }
    return DecodedImage.decoded(file, image);
  }

  /** Destroys this thread's handle after a failure: a handle that failed is not trusted again. */
  private static void discard(Handle handle) {
    HANDLES.remove();
    handle.destroy();
  }

  /**
   * The largest denominator {@code n} of the library's factors {@code 1/n} that {@link
   * ImageDecoder#reductionAllowed} allows for an image of {@code sourceHeight x sourceWidth} read for {@code
   * height x width}; 1 where none does.
   */
  static int denominator(int sourceHeight, int sourceWidth, int height, int width) {
    int chosen = 1;
    for (int n : DENOMINATORS) {
      if (ImageDecoder.reductionAllowed(sourceHeight, sourceWidth, n, height, width)) {
        chosen = n;
      }
    }
    return chosen;
  }

  /** {@code dimension} at the scale {@code 1/denominator}, rounded up: TurboJPEG's {@code TJSCALED}. */
  static int scaled(int dimension, int denominator) {
    return (dimension + denominator - 1) / denominator;
  }

  /** One decompressor, destroyed once: by {@link #destroy} or, when its thread is gone, by the cleaner. */
  private static final class Handle {

    final Pointer pointer;
    private final Cleaner.Cleanable cleanable;

    private Handle(Pointer pointer) {
      this.pointer = pointer;
      this.cleanable = CLEANER.register(this, () -> TurboJpeg.tjDestroy(pointer));
    }

    static Handle create() {
      Pointer pointer = TurboJpeg.tjInitDecompress();
      return pointer == null ? null : new Handle(pointer);
    }

    void destroy() {
      cleanable.clean();
    }
  }
}
