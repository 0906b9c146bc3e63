package io.netspec.runtime.data;

import java.util.Arrays;

/**
 * Images of one size with one class index each: pixels row-major, one unsigned byte each, channel plane after
 * channel plane, image after image (an IDX pair holds grayscale ones, one channel).
 *
 * @param source where the images came from, for messages and the run folder
 * @param channels planes of every image: 1 grayscale, 3 red, green, blue
 * @param height rows of every image
 * @param width columns of every image
 * @param pixels {@code count * height * width} unsigned bytes
 * @param labels one class index (unsigned byte) per image
 */
public record LabeledImages(String source, int channels, int height, int width, byte[] pixels, byte[] labels) {

  public LabeledImages {
    if ((long) labels.length * channels * height * width != pixels.length) {
      throw new IllegalArgumentException(labels.length + " labels do not match " + pixels.length
          + " pixels of " + height + "x" + width + "x" + channels + " images");
    }
  }

  /** Grayscale images. */
  public LabeledImages(String source, int height, int width, byte[] pixels, byte[] labels) {
    this(source, 1, height, width, pixels, labels);
  }

  /**
   * Pairs an images file with its labels file, checking that they agree.
   *
   * @param imagesName the images file's name, for errors
   * @param labelsName the labels file's name, for errors
   * @param classes the number of classes; every label must be below it
   */
  public static LabeledImages of(
      String source, String imagesName, IdxArray images, String labelsName, IdxArray labels, int classes)
      throws DataException {
    int[] imageDims = images.dimensions();
    if (imageDims.length != 3) {
      throw new DataException(imagesName,
          "expected 3 dimensions (count, rows, columns), found " + imageDims.length);
    }
    if (labels.dimensions().length != 1) {
      throw new DataException(labelsName,
          "expected 1 dimension (count), found " + labels.dimensions().length);
    }
    if (labels.count() != images.count()) {
      throw new DataException(labelsName,
          "holds " + labels.count() + " labels but " + imagesName + " holds " + images.count() + " images");
    }
    byte[] values = labels.values();
    for (int i = 0; i < values.length; i++) {
      if (Byte.toUnsignedInt(values[i]) >= classes) {
        throw new DataException(labelsName,
            "label " + Byte.toUnsignedInt(values[i]) + " of item " + i + " is not below " + classes);
      }
    }
    return new LabeledImages(source, imageDims[1], imageDims[2], images.values(), values);
  }

  /** The number of images. */
  public int count() {
    return labels.length;
  }

  /** The number of values of one image: channels x height x width. */
  public int imageSize() {
    return channels * height * width;
  }

  /** The class index of image {@code index}. */
  public int label(int index) {
    return Byte.toUnsignedInt(labels[index]);
  }

  /** The images at the given positions, in that order. */
  public LabeledImages select(int[] indices) {
    int size = imageSize();
    byte[] chosenPixels = new byte[indices.length * size];
    byte[] chosenLabels = new byte[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * size, chosenPixels, i * size, size);
      chosenLabels[i] = labels[indices[i]];
    }
    return new LabeledImages(source, channels, height, width, chosenPixels, chosenLabels);
  }

  /** The first {@code n} images, or all of them if there are fewer. */
  public LabeledImages limit(int n) {
    if (n >= count()) {
      return this;
    }
    return new LabeledImages(source, channels, height, width, Arrays.copyOf(pixels, n * imageSize()),
        Arrays.copyOf(labels, n));
  }

  /** These images followed by {@code more}, which must have the same size and channels. */
  public LabeledImages concat(LabeledImages more) {
    byte[] joinedPixels = Arrays.copyOf(pixels, pixels.length + more.pixels.length);
    System.arraycopy(more.pixels, 0, joinedPixels, pixels.length, more.pixels.length);
    byte[] joinedLabels = Arrays.copyOf(labels, labels.length + more.labels.length);
    System.arraycopy(more.labels, 0, joinedLabels, labels.length, more.labels.length);
    return new LabeledImages(source, channels, height, width, joinedPixels, joinedLabels);
  }

  /** How many images each class has, indexed by class. */
  public int[] classCounts(int classes) {
    int[] counts = new int[classes];
    for (int i = 0; i < count(); i++) {
      counts[label(i)]++;
    }
    return counts;
  }

  /** The mean and standard deviation of all pixels, scaled to [0, 1]. */
  public PixelStatistics statistics() {
    long sum = 0;
    long sumOfSquares = 0;
    for (byte p : pixels) {
      int v = Byte.toUnsignedInt(p);
      sum += v;
      sumOfSquares += (long) v * v;
    }
    double n = Math.max(1, pixels.length);
    double mean = sum / n;
    double variance = Math.max(0, sumOfSquares / n - mean * mean);
    return new PixelStatistics((float) (mean / 255), (float) (Math.sqrt(variance) / 255));
  }

  /** Pixel mean and standard deviation on the [0, 1] scale, used to normalise the network's input. */
  public record PixelStatistics(float mean, float std) {}
}
