package io.netspec.runtime.data;

import java.nio.file.Path;
import java.util.List;

/** What netspec knows about Fashion-MNIST (Xiao, Rasul and Vollgraf, Zalando Research, 2017). */
public final class FashionMnist {

  /** The class names, by class index, as the data set's README lists them. */
  public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
      "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  /** Where Debian's {@code dataset-fashion-mnist} package installs the full data set. */
  public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  /** The image side, in pixels. */
  public static final int IMAGE_SIZE = 28;

  private FashionMnist() {}

  /** The number of classes. */
  public static int classes() {
    return CLASS_NAMES.size();
  }
}
