package io.netspec.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where training and held-out images come from: the sample inside netspec, a folder of IDX files, or a folder
 * of images with one subfolder per class.
 */
public sealed interface DataSource permits EmbeddedSample, IdxDirectory, ImageFolder {

  /** The word {@code --data} takes for the full Fashion-MNIST set installed by Debian. */
  String FULL_FASHION_MNIST = "fashion-mnist";

  /** The word {@code --data} takes for the embedded sample (also the default). */
  String EMBEDDED = "embedded";

  /** A short description for the console and the run folder. */
  String description();

  /** The {@code --data} argument that names this source again, e.g. for {@code eval}. */
  String argument();

  /** The class names, by class index. */
  default List<String> classNames() {
    return FashionMnist.CLASS_NAMES;
  }

  /** Every file skipped so far as unreadable, as {@code path: problem}. */
  default List<String> skipped() {
    return List.of();
  }

  /** Loads one split, checking every file. */
  LabeledImages load(Split split) throws DataException;

  /**
   * Loads the images {@code eval --split} names: {@link HeldOut#VAL} and {@link HeldOut#TEST} are the held-out
   * split, {@link HeldOut#ALL} both splits.
   */
  default LabeledImages load(HeldOut which) throws DataException {
    return which == HeldOut.ALL ? load(Split.TRAIN).concat(load(Split.TEST)) : load(Split.TEST);
  }

  /** Which images {@link #load(HeldOut)} loads, in words, for the console. */
  default String describe(HeldOut which) {
    return switch (which) {
      case VAL, TEST -> "the held-out split of " + description();
      case ALL -> "every image (training and held-out) of " + description();
    };
  }

  /**
   * The source a {@code --data} argument names: nothing or {@value #EMBEDDED} for the embedded sample,
   * {@value #FULL_FASHION_MNIST} for Debian's full set, any other value for a folder, told apart by content:
   * a folder of IDX files if it holds the training images file ({@code train-images-idx3-ubyte[.gz]}), else an
   * image folder if it has subfolders (one per class), else a folder of IDX files (whose missing files are
   * then named).
   *
   * @param shape what images from files are converted to (the network's input, or {@code --image-size})
   */
  static DataSource resolve(String argument, ImageShape shape) throws DataException {
    return resolve(argument, shape, FolderOptions.defaults());
  }

  /** The same, reading an image folder with {@code options}. */
  static DataSource resolve(String argument, ImageShape shape, FolderOptions options) throws DataException {
    if (argument == null || argument.equals(EMBEDDED)) {
      return new EmbeddedSample();
    }
    Path directory = Path.of(argument);
    if (argument.equals(FULL_FASHION_MNIST) && !Files.isDirectory(directory)) {
      if (!Files.isDirectory(FashionMnist.DEBIAN_DIRECTORY)) {
        throw new DataException(FashionMnist.DEBIAN_DIRECTORY.toString(),
            "the full Fashion-MNIST set is not installed (apt-get install dataset-fashion-mnist)");
      }
      directory = FashionMnist.DEBIAN_DIRECTORY;
    }
    if (!Files.isDirectory(directory)) {
      throw new DataException(argument, "not a folder of IDX files or of class folders");
    }
    boolean idx = Files.exists(directory.resolve(Split.TRAIN.imagesFile()))
        || Files.exists(directory.resolve(Split.TRAIN.imagesFile() + ".gz"));
    return !idx && ImageFolder.looksLikeOne(directory)
        ? new ImageFolder(directory, shape, options) : new IdxDirectory(directory);
  }
}
