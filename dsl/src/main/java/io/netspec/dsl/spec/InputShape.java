package io.netspec.dsl.spec;

/** The network's input, written {@code 224x224x3} as the table writes sizes (height x width x channels). */
public record InputShape(int height, int width, int channels) {

  @Override
  public String toString() {
    return height + "x" + width + "x" + channels;
  }
}
