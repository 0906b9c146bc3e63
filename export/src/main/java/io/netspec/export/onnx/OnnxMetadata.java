package io.netspec.export.onnx;

import java.util.List;

/**
 * What an exported model says of itself in its {@code metadata_props}, beside the graph: the class names of its
 * logits and the input normalisation the network was trained with. The keys are defined here once, for the
 * exporter that writes them and the predictor that reads them.
 *
 * @param classes the class names, index {@code i} naming logit {@code i}
 * @param pixelMean the mean subtracted from pixels scaled to [0, 1] before the network
 * @param pixelStd the standard deviation they are divided by after that
 * @param specFile the spec the network was built from, e.g. {@code googlenet-fashion.yaml}
 * @param specSha256 that spec's SHA-256, child first with every spec it extends
 */
public record OnnxMetadata(List<String> classes, float pixelMean, float pixelStd, String specFile,
    String specSha256) {

  /** A JSON array of strings: the class names. */
  public static final String CLASSES = "classes";
  public static final String PIXEL_MEAN = "pixel_mean";
  public static final String PIXEL_STD = "pixel_std";
  public static final String SPEC = "spec";
  public static final String SPEC_SHA256 = "spec_sha256";

  public OnnxMetadata {
    classes = List.copyOf(classes);
    if (!(pixelStd > 0)) {
      throw new IllegalArgumentException("pixel standard deviation must be positive: " + pixelStd);
    }
  }

  /** Class names {@code class_0} ... for a network that was never trained on named classes. */
  public static List<String> numberedClasses(int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> "class_" + i).toList();
  }
}
