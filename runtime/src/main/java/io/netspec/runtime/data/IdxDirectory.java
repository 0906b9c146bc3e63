package io.netspec.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder holding an IDX pair per split under the MNIST file names, each gzip-compressed ({@code .gz}) or
 * not.
 *
 * @param directory the folder
 */
public record IdxDirectory(Path directory) implements DataSource {

  @Override
  public String argument() {
    return directory.toString();
  }

  @Override
  public String description() {
    return directory.toString();
  }

  @Override
  public LabeledImages load(Split split) throws DataException {
    Path images = find(split.imagesFile());
    Path labels = find(split.labelsFile());
    return LabeledImages.of(description(), images.toString(), IdxFormat.read(images), labels.toString(),
        IdxFormat.read(labels), FashionMnist.classes());
  }

  private Path find(String name) throws DataException {
    Path plain = directory.resolve(name);
    Path zipped = directory.resolve(name + ".gz");
    if (Files.isRegularFile(zipped)) {
      return zipped;
    }
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    throw new DataException(zipped.toString(), "file not found (nor " + plain.getFileName() + ")");
  }
}
