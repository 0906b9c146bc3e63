package io.netspec.runtime.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Turns one image into a network's input: pixels scaled to [0, 1] and normalised with the training set's mean
 * and standard deviation, converted to the network's channels (a grayscale plane repeated, or the luminance of
 * a colour image for a one-channel network), resized bilinearly when the network expects another size
 * (half-pixel centres, as PyTorch's {@code interpolate} with {@code align_corners=False}), and optionally
 * augmented (see {@link Augmentation}).
 *
 * @param channels the network's input channels
 * @param height the network's input rows
 * @param width the network's input columns
 * @param mean pixel mean on the [0, 1] scale
 * @param std pixel standard deviation on the [0, 1] scale
 */
public record ImageTransform(int channels, int height, int width, float mean, float std) {

  /** ITU-R BT.601 luminance weights of red, green and blue. */
  private static final float[] LUMINANCE = {0.299f, 0.587f, 0.114f};

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
    return apply(images, index, Augmentation.NONE, null);
  }

  /**
   * The values of one input, augmented.
   *
   * @param random draws the augmentation; unused (may be null) with {@link Augmentation#NONE}
   */
  public float[] apply(LabeledImages images, int index, Augmentation augmentation, Random random) {
    float[][] planes = matchChannels(normalised(images, index), images.source());
    Augmentation.Window window = augmentation.window(images.height(), images.width(), random);
    boolean flip = augmentation.flips(random);
    int size = height * width;
    float[] input = new float[channels * size];
    for (int c = 0; c < channels; c++) {
      float[] plane = whole(window, images)
          ? planes[c]
          : Bilinear.resize(planes[c], images.height(), images.width(), window, height, width);
      if (flip) {
        plane = flipped(plane);
      }
      System.arraycopy(plane, 0, input, c * size, size);
    }
    return input;
  }

  /** Whether the window is the whole image and the image has the input's size: nothing to resample. */
  private boolean whole(Augmentation.Window window, LabeledImages images) {
    return window.top() == 0 && window.left() == 0 && window.height() == height && window.width() == width
        && images.height() == height && images.width() == width;
  }

  /**
   * The inputs of images {@code from} (inclusive) to {@code to} (exclusive), one after the other: a
   * {@code (to - from, channels, height, width)} batch, row-major.
   */
  public float[] applyAll(LabeledImages images, int from, int to) {
    int size = channels * height * width;
    float[] batch = new float[(to - from) * size];
    for (int i = from; i < to; i++) {
      System.arraycopy(apply(images, i), 0, batch, (i - from) * size, size);
    }
    return batch;
  }

  /** Every channel plane of one image, scaled and normalised. */
  private float[][] normalised(LabeledImages images, int index) {
    int plane = images.height() * images.width();
    byte[] pixels = images.pixels();
    float scale = 1f / (255f * std);
    float shift = mean / std;
    float[][] planes = new float[images.channels()][plane];
    int offset = index * images.imageSize();
    for (int c = 0; c < planes.length; c++) {
      for (int i = 0; i < plane; i++) {
        planes[c][i] = Byte.toUnsignedInt(pixels[offset + c * plane + i]) * scale - shift;
      }
    }
    return planes;
  }

  /** The planes as the network's channels: the same, one repeated, or a colour image's luminance. */
  private float[][] matchChannels(float[][] planes, String source) {
    if (planes.length == channels) {
      return planes;
    }
    if (planes.length == 1) {
      float[][] repeated = new float[channels][];
      Arrays.fill(repeated, planes[0]);
      return repeated;
    }
    if (planes.length == LUMINANCE.length && channels == 1) {
      float[] gray = new float[planes[0].length];
      for (int c = 0; c < LUMINANCE.length; c++) {
        for (int i = 0; i < gray.length; i++) {
          gray[i] += LUMINANCE[c] * planes[c][i];
        }
      }
      return new float[][] {gray};
    }
    throw new IllegalArgumentException(source + ": images of " + planes.length + " channels cannot feed a network of "
        + channels);
  }

  private float[] flipped(float[] plane) {
    float[] mirror = new float[plane.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        mirror[y * width + x] = plane[y * width + width - 1 - x];
      }
    }
    return mirror;
  }
}
