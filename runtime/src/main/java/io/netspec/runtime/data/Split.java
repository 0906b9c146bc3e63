package io.netspec.runtime.data;

/** The two halves of an IDX data set, named as MNIST and Fashion-MNIST name their files. */
public enum Split {
  /** Training images: {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]}. */
  TRAIN("train"),
  /** Held-out images: {@code t10k-images-idx3-ubyte[.gz]}, {@code t10k-labels-idx1-ubyte[.gz]}. */
  TEST("t10k");

  private final String prefix;

  Split(String prefix) {
    this.prefix = prefix;
  }

  /** The images file's name without the {@code .gz} suffix. */
  public String imagesFile() {
    return prefix + "-images-idx3-ubyte";
  }

  /** The labels file's name without the {@code .gz} suffix. */
  public String labelsFile() {
    return prefix + "-labels-idx1-ubyte";
  }
}
