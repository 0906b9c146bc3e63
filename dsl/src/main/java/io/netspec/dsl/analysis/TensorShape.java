package io.netspec.dsl.analysis;

/** The shape of one example's activations, channels x height x width; a flat vector is {@code Cx1x1}. */
public record TensorShape(int channels, int height, int width) {

  public long size() {
    return (long) channels * height * width;
  }

  /** Written as the paper's table writes output sizes: {@code 112x112x64}. */
  @Override
  public String toString() {
    return height + "x" + width + "x" + channels;
  }
}
