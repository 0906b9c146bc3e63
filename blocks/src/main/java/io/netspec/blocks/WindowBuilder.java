package io.netspec.blocks;

import ai.djl.ndarray.types.Shape;

/**
 * The window setters that {@link ConvolutionUnit}'s and {@link MaxPool}'s builders share, named as DJL's
 * {@code Conv2d.builder()} names them. A builder holds its {@link Window} and implements {@link #window()} and
 * {@link #optWindow(Window)}; the setters are written here once.
 *
 * @param <B> the concrete builder, which the setters return
 */
public interface WindowBuilder<B extends WindowBuilder<B>> {

  /**
   * The window set so far.
   *
   * @return the window
   */
  Window window();

  /**
   * Sets the kernel shape, stride and padding at once.
   *
   * @param window the window
   * @return this builder
   */
  B optWindow(Window window);

  /**
   * Sets the kernel's (or the pool window's) height and width.
   *
   * @param kernelShape the kernel shape
   * @return this builder
   */
  default B setKernelShape(Shape kernelShape) {
    return optWindow(window().withKernelShape(kernelShape));
  }

  /**
   * Sets the stride, height and width (1, 1 when not set).
   *
   * @param stride the stride
   * @return this builder
   */
  default B optStride(Shape stride) {
    return optWindow(window().withStride(stride));
  }

  /**
   * Sets the padding on each side, height and width (0, 0 when not set): zeros for a convolution, minus
   * infinity for a max pool.
   *
   * @param padding the padding
   * @return this builder
   */
  default B optPadding(Shape padding) {
    return optWindow(window().withPadding(padding));
  }
}
