package io.netspec.runtime.data;

import java.util.Arrays;

/**
 * The content of one IDX file of unsigned bytes: its dimensions and its values in row-major order. Fashion-MNIST
 * images are {@code [count, 28, 28]}, its labels {@code [count]}.
 *
 * @param dimensions the size of every axis, outermost first
 * @param values every value, row-major; as many as the product of the dimensions
 */
public record IdxArray(int[] dimensions, byte[] values) {

  public IdxArray {
    dimensions = dimensions.clone();
    if (values.length != elementCount(dimensions)) {
      throw new IllegalArgumentException(
          "dimensions " + Arrays.toString(dimensions) + " do not match " + values.length + " values");
    }
  }

  @Override
  public int[] dimensions() {
    return dimensions.clone();
  }

  /** The size of the outermost axis: the number of images or labels. */
  public int count() {
    return dimensions.length == 0 ? 0 : dimensions[0];
  }

  /** The number of values of one item: 784 for a 28x28 image, 1 for a label. */
  public int itemSize() {
    return dimensions.length == 0 ? 0 : Math.toIntExact(elementCount(dimensions) / dimensions[0]);
  }

  /** The product of the dimensions; {@link Long#MAX_VALUE} if it overflows a {@code long}. */
  static long elementCount(int[] dimensions) {
    long count = 1;
    for (int d : dimensions) {
      try {
        count = Math.multiplyExact(count, d);
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return count;
  }
}
