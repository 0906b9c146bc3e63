package io.netspec.blocks;

import ai.djl.ndarray.types.Shape;

/**
 * Where a convolution's kernel or a pool's window slides: its height and width, its stride and the zero (or, for
 * max pooling, minus infinity) padding on each side, each as {@code (height, width)}. The settings that
 * {@link ConvolutionUnit}'s and {@link MaxPool}'s builders share, through {@link WindowBuilder}.
 *
 * @param kernelShape the window's height and width; null until a builder sets it
 * @param stride the step between windows
 * @param padding the padding on each side
 */
public record Window(Shape kernelShape, Shape stride, Shape padding) {

  /** What a builder starts from: no kernel shape yet, stride 1, no padding. */
  static final Window UNSET = new Window(null, new Shape(1, 1), new Shape(0, 0));

  Window withKernelShape(Shape kernelShape) {
    return new Window(kernelShape, stride, padding);
  }

  Window withStride(Shape stride) {
    return new Window(kernelShape, stride, padding);
  }

  Window withPadding(Shape padding) {
    return new Window(kernelShape, stride, padding);
  }
}
