package io.netspec.runtime.data;

import java.util.Locale;
import java.util.Random;

/**
 * Random changes to training images, as {@code --augment} names them: {@code none}; {@code flip}, a
 * horizontal flip of half the images; {@code crop}, a random resized crop (torchvision's
 * {@code RandomResizedCrop}: 8% to 100% of the area, aspect ratio 3/4 to 4/3, resized to the input); or
 * {@code crop+flip}, both. DJL 0.36's {@code RandomFlipLeftRight} transform returns its input unflipped (it
 * drops the result of {@code NDArray.flip}), so the flip is done here.
 */
public enum Augmentation {
  NONE(false, false),
  FLIP(false, true),
  CROP(true, false),
  CROP_FLIP(true, true);

  private static final double MIN_AREA = 0.08;
  private static final double MIN_RATIO = 3.0 / 4;
  private static final double MAX_RATIO = 4.0 / 3;
  private static final int ATTEMPTS = 10;

  private final boolean crop;
  private final boolean flip;

  Augmentation(boolean crop, boolean flip) {
    this.crop = crop;
    this.flip = flip;
  }

  /**
   * Parses {@code --augment}.
   *
   * @throws IllegalArgumentException if it is none of the names
   */
  public static Augmentation parse(String text) {
    for (Augmentation a : values()) {
      if (a.toString().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not an augmentation; use none, flip, crop or crop+flip");
  }

  /** The window of a {@code height x width} image to read: all of it, or a random one when cropping. */
  Window window(int height, int width, Random random) {
    if (crop) {
      double area = (double) height * width;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        double target = area * (MIN_AREA + random.nextDouble() * (1 - MIN_AREA));
        double ratio = Math.exp(Math.log(MIN_RATIO) + random.nextDouble() * (Math.log(MAX_RATIO) - Math.log(MIN_RATIO)));
        int w = (int) Math.round(Math.sqrt(target * ratio));
        int h = (int) Math.round(Math.sqrt(target / ratio));
        if (w >= 1 && h >= 1 && w <= width && h <= height) {
          return new Window(random.nextInt(height - h + 1), random.nextInt(width - w + 1), h, w);
        }
      }
    }
    return new Window(0, 0, height, width);
  }

  /** Whether to flip this image. */
  boolean flips(Random random) {
    return flip && random.nextBoolean();
  }

  /** The name {@code --augment} takes. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '+');
  }

  /** A rectangle of an image: its top row, left column, rows and columns. */
  record Window(int top, int left, int height, int width) {}
}
