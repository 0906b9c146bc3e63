package io.netspec.runtime.data;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of libjpeg-turbo's TurboJPEG C API (the 2.x functions, {@code libturbojpeg.so.0}, Debian's
 * {@code libturbojpeg0}) that decoding needs, bound with JNA's direct mapping ({@link Native#register}).
 *
 * <p>Why JNA: it is a well-kept library (and already on the class path, through DJL's {@code ai.djl:api}) that
 * binds a C library from plain Java declarations, with no C code of ours to compile for every platform, as a
 * hand-written JNI bridge would need. Direct mapping (static {@code native} methods) rather than an interface
 * proxy: the calls cost less, and decoding makes three of them per file.
 *
 * <p>Nothing is bound until {@link #load} has succeeded; {@link JpegDecoderChoice} calls it once.
 */
final class TurboJpeg {

  /** {@code TJSAMP_GRAY}: a grayscale JPEG (no chrominance). */
  static final int SAMP_GRAY = 3;

  /** {@code TJCS_CMYK} and {@code TJCS_YCCK}: four-component JPEGs, which TurboJPEG decodes to CMYK only. */
  static final int CS_CMYK = 3;
  static final int CS_YCCK = 4;

  /** {@code TJPF_BGR}: 3 bytes a pixel, blue first, as {@code BufferedImage.TYPE_3BYTE_BGR} holds them. */
  static final int PF_BGR = 1;

  /** {@code TJPF_GRAY}: 1 byte a pixel, as {@code BufferedImage.TYPE_BYTE_GRAY} holds it. */
  static final int PF_GRAY = 6;

  /** {@code TJFLAG_STOPONWARNING}: a warning (truncated data, a corrupt segment) stops decoding with an error. */
  static final int FLAG_STOP_ON_WARNING = 8192;

  /** {@code TJERR_WARNING}: the error {@link #tjGetErrorCode} reports for a warning made fatal. */
  static final int ERR_WARNING = 0;

  /** The library's file name on Linux: the TurboJPEG 2.x ABI (libjpeg-turbo 2.x and 3.x both ship it). */
  private static final String LINUX_FILE = "libturbojpeg.so.0";

  private TurboJpeg() {}

  /**
   * Binds this class's functions to the TurboJPEG library and returns the library's name.
   *
   * @throws UnsatisfiedLinkError if the library (or JNA's own native part) cannot be loaded
   */
  static String load() {
    NativeLibrary library = NativeLibrary.getInstance(Platform.isLinux() ? LINUX_FILE : "turbojpeg");
    Native.register(TurboJpeg.class, library);
    return library.getName();
  }

  /** The scaling factors the decompressor supports, {@code {numerator, denominator}} each. */
  static List<int[]> scalingFactors() {
    int[] count = new int[1];
    Pointer factors = tjGetScalingFactors(count);
    List<int[]> result = new ArrayList<>();
    for (int i = 0; factors != null && i < count[0]; i++) {
      // tjscalingfactor: {int num; int denom;}
      result.add(new int[] {factors.getInt(8L * i), factors.getInt(8L * i + 4)});
    }
    return result;
  }

  static native Pointer tjInitDecompress();

  static native int tjDecompressHeader3(Pointer handle, byte[] jpeg, NativeLong jpegSize, int[] width,
      int[] height, int[] subsampling, int[] colorspace);

  static native Pointer tjGetScalingFactors(int[] count);

  static native int tjDecompress2(Pointer handle, byte[] jpeg, NativeLong jpegSize, byte[] destination,
      int width, int pitch, int height, int pixelFormat, int flags);

  static native String tjGetErrorStr2(Pointer handle);

  static native int tjGetErrorCode(Pointer handle);

  static native int tjDestroy(Pointer handle);
}
