package io.netspec.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.generator.FuzzSpecs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported model computes what the DJL network computes: the same logits (max abs difference at most 1e-4)
 * on the same random batch, for every shipped spec, a spec with every row kind in its harder forms, and fuzzed
 * specs drawn as the generator's fuzz test draws them.
 */
class OnnxParityTest {

  private static final float TOLERANCE = 1e-4f;

  @TempDir
  static Path folder;

  static Stream<Path> shippedSpecs() throws IOException {
    Path specs = Path.of(System.getProperty("netspec.specs", "../specs"));
    try (Stream<Path> files = Files.list(specs)) {
      List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertTrue(yaml.size() >= 3, "the shipped specs are missing: " + specs.toAbsolutePath());
      return yaml.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("shippedSpecs")
  void shippedSpecGivesTheDjlLogits(Path spec) throws Exception {
    assertSameLogits(spec, 1);
  }

  @ParameterizedTest
  @MethodSource("fuzzSeeds")
  void fuzzedSpecGivesTheDjlLogits(long seed) throws Exception {
    Path spec = Files.writeString(folder.resolve("fuzz-" + Long.toHexString(seed) + ".yaml"),
        FuzzSpecs.yaml(seed));
    assertSameLogits(spec, seed);
  }

  static LongStream fuzzSeeds() {
    return new Random(20261130).longs(5);
  }

  @org.junit.jupiter.api.Test
  void everyRowKindGivesTheDjlLogits() throws Exception {
    assertSameLogits(everyExportCase(), 7);
  }

  /** The shipped specs' parity runs folded (the default); the BatchNormalization nodes unfolded, here. */
  @org.junit.jupiter.api.Test
  void unfoldedBatchNormGivesTheDjlLogits() throws Exception {
    assertSameLogits(Path.of(System.getProperty("netspec.specs", "../specs"), "googlenet-fashion.yaml"), 3, false);
  }

  static Path everyExportCase() throws URISyntaxException {
    return Path.of(OnnxParityTest.class.getResource("/every-export-case.yaml").toURI());
  }

  private static void assertSameLogits(Path spec, long seed) throws Exception {
    assertSameLogits(spec, seed, true);
  }

  private static void assertSameLogits(Path spec, long seed, boolean foldBatchNorm) throws Exception {
    try (Exported exported = Exported.of(spec, seed, foldBatchNorm)) {
      float[] batch = exported.batch(seed + 1);
      float[][] djl = exported.djlLogits(batch);
      float[][] onnx = exported.onnxLogits(batch);
      assertEquals(Exported.BATCH, onnx.length);
      assertEquals(exported.network.numClasses(), onnx[0].length);
      float difference = Exported.maxAbsDifference(djl, onnx);
      assertTrue(difference <= TOLERANCE, spec.getFileName() + ": max abs difference " + difference
          + "\nDJL:  " + java.util.Arrays.toString(djl[0]) + "\nONNX: " + java.util.Arrays.toString(onnx[0]));
      // not a trivial agreement: the logits differ between images
      assertTrue(Exported.maxAbsDifference(new float[][] {djl[0]}, new float[][] {djl[1]}) > 1e-3f,
          spec.getFileName() + ": the logits do not depend on the image");
      System.out.printf("%s: %d bytes, max abs difference %.3g%n", spec.getFileName(),
          exported.model.getSerializedSize(), difference);
    }
  }
}
