package io.netspec.runtime.data;

/**
 * Turns one grayscale image into a network's input: pixels scaled to [0, 1] and normalised with the training
 * set's mean and standard deviation, resized bilinearly when the network expects another size (half-pixel
 * centres, as PyTorch's {@code interpolate} with {@code align_corners=False}), and repeated over the
 * network's channels.
 *
 * @param channels the network's input channels
 * @param height the network's input rows
 * @param width the network's input columns
 * @param mean pixel mean on the [0, 1] scale
 * @param std pixel standard deviation on the [0, 1] scale
 */
public record ImageTransform(int channels, int height, int width, float mean, float std) {

  public ImageTransform {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("input shape must be positive: " + channels + "x" + height + "x" + width);
    }
    if (!(std > 0)) {
      throw new IllegalArgumentException("pixel standard deviation must be positive: " + std);
    }
  }

  /** The values of one input, channel after channel, each row-major: {@code channels * height * width}. */
  public float[] apply(LabeledImages images, int index) {
    float[] source = normalised(images, index);
    float[] plane = images.height() == height && images.width() == width
        ? source
        : resized(source, images.height(), images.width());
    float[] input = new float[channels * plane.length];
    for (int c = 0; c < channels; c++) {
      System.arraycopy(plane, 0, input, c * plane.length, plane.length);
    }
    return input;
  }

  private float[] normalised(LabeledImages images, int index) {
    int size = images.imageSize();
    byte[] pixels = images.pixels();
    float[] values = new float[size];
    float scale = 1f / (255f * std);
    float shift = mean / std;
    for (int i = 0; i < size; i++) {
      values[i] = Byte.toUnsignedInt(pixels[index * size + i]) * scale - shift;
    }
    return values;
  }

  private float[] resized(float[] source, int sourceHeight, int sourceWidth) {
    float[] target = new float[height * width];
    for (int y = 0; y < height; y++) {
      Sample row = Sample.of(y, sourceHeight, height);
      for (int x = 0; x < width; x++) {
        Sample column = Sample.of(x, sourceWidth, width);
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
  }
}
