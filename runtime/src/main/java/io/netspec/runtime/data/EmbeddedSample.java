package io.netspec.runtime.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * The class-balanced sample of Fashion-MNIST shipped inside netspec, so that {@code netspec train} works
 * without downloads. It is made from the full set by {@code netspec make-sample} (see {@link SampleMaker});
 * its licence notice is {@value #RESOURCE_FOLDER}{@code LICENSE}.
 */
public record EmbeddedSample() implements DataSource {

  /** The class-path folder of the sample's four IDX files. */
  public static final String RESOURCE_FOLDER = "/io/netspec/runtime/data/fashion-mnist-sample/";

  @Override
  public String argument() {
    return EMBEDDED;
  }

  @Override
  public String description() {
    return "embedded Fashion-MNIST sample";
  }

  @Override
  public LabeledImages load(Split split) throws DataException {
    String images = split.imagesFile() + ".gz";
    String labels = split.labelsFile() + ".gz";
    return LabeledImages.of(description(), images, readResource(images), labels, readResource(labels),
        FashionMnist.classes());
  }

  private static IdxArray readResource(String name) throws DataException {
    String path = RESOURCE_FOLDER + name;
    try (InputStream in = EmbeddedSample.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new DataException(path, "missing from the netspec jar; rebuild netspec");
      }
      return IdxFormat.read(path, in);
    } catch (IOException e) {
      throw new DataException(path, "cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
