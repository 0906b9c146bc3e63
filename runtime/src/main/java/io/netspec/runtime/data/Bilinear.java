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
    // the columns' two source positions and weights are the same on every row: worked out once
    int[] left = new int[width];
    int[] right = new int[width];
    float[] across = new float[width];
    for (int x = 0; x < width; x++) {
      Sample column = Sample.of(x, window.width(), width).shift(window.left());
      left[x] = column.low;
      right[x] = column.high;
      across[x] = column.weight;
    }
    float[] target = new float[height * width];
    for (int y = 0; y < height; y++) {
      Sample row = Sample.of(y, window.height(), height).shift(window.top());
      int upper = row.low * sourceWidth;
      int lower = row.high * sourceWidth;
      float down = row.weight;
      int at = y * width;
      for (int x = 0; x < width; x++) {
        float top = lerp(source[upper + left[x]], source[upper + right[x]], across[x]);
        float bottom = lerp(source[lower + left[x]], source[lower + right[x]], across[x]);
        target[at + x] = lerp(top, bottom, down);
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
