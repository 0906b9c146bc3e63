package io.netspec.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where training and held-out images come from: the sample inside netspec, or a folder of IDX files. */
public sealed interface DataSource permits EmbeddedSample, IdxDirectory {

  /** The word {@code --data} takes for the full Fashion-MNIST set installed by Debian. */
  String FULL_FASHION_MNIST = "fashion-mnist";

  /** The word {@code --data} takes for the embedded sample (also the default). */
  String EMBEDDED = "embedded";

  /** A short description for the console and the run folder. */
  String description();

  /** Loads one split, checking every file. */
  LabeledImages load(Split split) throws DataException;

  /**
   * The source a {@code --data} argument names: nothing or {@value #EMBEDDED} for the embedded sample,
   * {@value #FULL_FASHION_MNIST} for Debian's full set, any other value for a folder of IDX files.
   */
  static DataSource resolve(String argument) throws DataException {
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
      throw new DataException(argument, "not a folder of IDX files");
    }
    return new IdxDirectory(directory);
  }
}
