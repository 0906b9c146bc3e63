package io.netspec.runtime.data;

/**
 * The channels and size that images from files are converted to when loaded.
 *
 * @param channels 1 (grayscale) or 3 (red, green, blue)
 * @param height rows
 * @param width columns
 */
public record ImageShape(int channels, int height, int width) {

  /** The longest side images are converted to ({@code --image-size}): a batch of them must fit in memory. */
  public static final int MAX_SIDE = 4096;

  public ImageShape {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("images have 1 or 3 channels, not " + channels);
    }
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("image size must be positive: " + height + "x" + width);
    }
    if (height > MAX_SIDE || width > MAX_SIDE) {
      throw new IllegalArgumentException("image size " + height + "x" + width + " is over the limit of "
          + MAX_SIDE + " per side");
    }
  }
}
