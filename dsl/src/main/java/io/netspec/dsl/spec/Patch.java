package io.netspec.dsl.spec;

/** A window and its stride, written as the paper's table writes it: {@code 7x7/2}. */
public record Patch(int height, int width, int stride) {

  public static Patch square(int size, int stride) {
    return new Patch(size, size, stride);
  }

  public boolean isSquare() {
    return height == width;
  }

  @Override
  public String toString() {
    return height + "x" + width + "/" + stride;
  }
}
