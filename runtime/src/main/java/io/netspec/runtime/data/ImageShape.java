package io.netspec.runtime.data;

/**
 * The channels and size that images from files are converted to when loaded.
 *
 * @param channels 1 (grayscale) or 3 (red, green, blue)
 * @param height rows
 * @param width columns
 */
public record ImageShape(int channels, int height, int width) {

  public ImageShape {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("images have 1 or 3 channels, not " + channels);
    }
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("image size must be positive: " + height + "x" + width);
    }
  }
}
