package io.netspec.runtime.data;

/**
 * Bilinear resizing of one plane of values with half-pixel centres, as PyTorch's {@code interpolate} with
 * {@code align_corners=False}.
 */
final class Bilinear {

  private Bilinear() {}

  /** {@code source}, {@code sourceHeight x sourceWidth} row-major, resized to {@code height x width}. */
  static float[] resize(float[] source, int sourceHeight, int sourceWidth, int height, int width) {
    return resize(source, sourceHeight, sourceWidth, new Augmentation.Window(0, 0, sourceHeight, sourceWidth),
        height, width);
  }

  /** The {@code window} of {@code source} ({@code sourceHeight x sourceWidth}) resized to {@code height x width}. */
  static float[] resize(float[] source, int sourceHeight, int sourceWidth, Augmentation.Window window, int height,
      int width) {
    float[] target = new float[height * width];
    for (int y = 0; y < height; y++) {
      Sample row = Sample.of(y, window.height(), height).shift(window.top());
      for (int x = 0; x < width; x++) {
        Sample column = Sample.of(x, window.width(), width).shift(window.left());
        float top = lerp(source[row.low * sourceWidth + column.low],
            source[row.low * sourceWidth + column.high], column.weight);
        float bottom = lerp(source[row.high * sourceWidth + column.low],
            source[row.high * sourceWidth + column.high], column.weight);
        target[y * width + x] = lerp(top, bottom, row.weight);
      }
    }
    return target;
  }

  private static float lerp(float a, float b, float weight) {
    return a + (b - a) * weight;
  }

  /** The two source positions an output position reads, and the weight of the second. */
  private record Sample(int low, int high, float weight) {

    static Sample of(int target, int sourceLength, int targetLength) {
      float position = Math.max(0f, (target + 0.5f) * sourceLength / targetLength - 0.5f);
      int low = Math.min((int) position, sourceLength - 1);
      int high = Math.min(low + 1, sourceLength - 1);
      return new Sample(low, high, position - low);
    }

    Sample shift(int offset) {
      return new Sample(low + offset, high + offset, weight);
    }
  }
}
