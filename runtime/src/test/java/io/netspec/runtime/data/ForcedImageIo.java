package io.netspec.runtime.data;

import java.util.concurrent.Callable;

/**
 * Runs test code with JPEGs decoded by {@code javax.imageio}, through the user's switch ({@code
 * -Dnetspec.jpeg=imageio}); the property is put back as it was afterwards.
 */
final class ForcedImageIo {

  private ForcedImageIo() {}

  static <T> T call(Callable<T> action) throws Exception {
    String before = System.getProperty(JpegDecoderChoice.PROPERTY);
    System.setProperty(JpegDecoderChoice.PROPERTY, JpegDecoderChoice.IMAGEIO);
    try {
      return action.call();
    } finally {
      if (before == null) {
        System.clearProperty(JpegDecoderChoice.PROPERTY);
      } else {
        System.setProperty(JpegDecoderChoice.PROPERTY, before);
      }
    }
  }
}
