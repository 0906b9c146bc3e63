package io.netspec.dsl.load;

import static io.netspec.dsl.load.ShippedSpecsTest.layer;
import static io.netspec.dsl.load.ShippedSpecsTest.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.BatchNorm;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.InputShape;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.PrintedFigures;
import io.netspec.dsl.spec.Rounding;
import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.TensorShape;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Merging along {@code extends} as spec-format.md's <em>Variants</em> section states it, on the variants in
 * {@code src/test/resources/variants}; every expected value is worked out by hand from that section and the
 * files' text.
 */
class VariantMergeTest {

  private static final Path VARIANTS = Path.of("src", "test", "resources", "variants");
  private static final Optional<BatchNorm> STANDARD_BATCH_NORM = Optional.of(new BatchNorm(1e-5));

  @Test
  void topLevelScalarsOfTheVariantReplaceTheParents() throws Exception {
    NetworkSpec spec = SpecLoader.load(VARIANTS.resolve("variant-small.yaml"));
    assertEquals("VariantSmall", spec.className());
    assertEquals(new InputShape(256, 256, 3), spec.input());
    assertEquals(10, spec.classes());
    assertEquals("GoogLeNet for 10 classes of 256x256 images, with batch norm.", spec.description());
    Linear fc = layer(spec, "fc", Linear.class);
    assertEquals(10, fc.units()); // `units: classes` takes the variant's classes
  }

  /** Defaults are applied after merging: batch_norm on reaches every inherited convolution. */
  @Test
  void batchNormOnReachesEveryInheritedConvolution() throws Exception {
    NetworkSpec spec = SpecLoader.load(VARIANTS.resolve("variant-small.yaml"));
    ConvolutionStyle withBatchNorm = new ConvolutionStyle(true, STANDARD_BATCH_NORM, Activation.RELU);
    assertEquals(withBatchNorm, layer(spec, "conv1", Convolution.class).style());
    for (Layer layer : spec.layers()) {
      if (layer instanceof Inception inception) {
        assertEquals(withBatchNorm, inception.style(), layer.name());
      }
    }
    // conv2's own change sets bias; the merged defaults still give it batch norm
    assertEquals(new ConvolutionStyle(false, STANDARD_BATCH_NORM, Activation.RELU),
        layer(spec, "conv2", Convolution.class).style());
    // other sections of the parent's defaults stay: ceil pools, the LRN settings
    assertEquals(Rounding.CEIL, layer(spec, "pool2", Pool.class).rounding());
    assertEquals(0.75, layer(spec, "norm1", LocalResponseNorm.class).beta());
  }

  @Test
  void changeMergesKeysIntoOneInheritedRow() throws Exception {
    NetworkSpec spec = SpecLoader.load(VARIANTS.resolve("variant-small.yaml"));
    Inception changed = layer(spec, "inception_4a", Inception.class);
    // 1x1 and 5x5 from the change; 3x3_reduce 96, 3x3 208, 5x5_reduce 16, pool_proj 64 from googlenet.yaml
    assertEquals(List.of(96, 96, 208, 16, 24, 64), List.of(changed.n1x1(), changed.n3x3Reduce(),
        changed.n3x3(), changed.n5x5Reduce(), changed.n5x5(), changed.poolProj()));
    assertEquals(Path.of("..", "specs", "googlenet.yaml").toString(), changed.location().file());
    assertEquals(25, changed.location().line());
    assertEquals("{name: inception_4a, type: inception, 1x1: 96, 3x3_reduce: 96, 3x3: 208, 5x5_reduce: 16, "
        + "5x5: 24, pool_proj: 64, paper: {params: 200K}}", changed.source());
    Inception untouched = layer(spec, "inception_4b", Inception.class);
    assertEquals(160, untouched.n1x1());
  }

  /** paper figures are not inherited; those the variant writes in its own change are its own. */
  /**
   * googlenet.yaml's 7x7/1 average pool would leave nothing of a 160x160 input's 5x5 map; changing its type
   * to a global pool replaces the row (its patch key would mean nothing to the new type), keeping its name and
   * place.
   */
  @Test
  void changeWithAnotherTypeReplacesTheRow() throws Exception {
    NetworkSpec spec = SpecLoader.load(VARIANTS.resolve("variant-retyped.yaml"));
    int index = spec.layers().indexOf(layer(spec, "pool5", GlobalAvgPool.class));
    assertEquals("inception_5b", spec.layers().get(index - 1).name());
    assertEquals(0.5, layer(spec, "dropout", Dropout.class).rate()); // same type: keys merged
    assertEquals(new TensorShape(1024, 1, 1),
        Analyzer.analyze(spec).row("pool5").orElseThrow().output());
  }

  @Test
  void printedFiguresComeFromTheVariantFileOnly() throws Exception {
    NetworkSpec spec = SpecLoader.load(VARIANTS.resolve("variant-small.yaml"));
    assertEquals(Map.of("inception_4a", new PrintedFigures(Optional.of("200K"), Optional.empty())),
        spec.printed());
  }

  @Test
  void anEmptyListTurnsAuxiliaryClassifiersOff() throws Exception {
    NetworkSpec spec = SpecLoader.load(VARIANTS.resolve("variant-small.yaml"));
    assertTrue(spec.auxClassifiers().isEmpty());
    assertEquals(21, spec.layers().size()); // layers not given: the parent's list, whole
  }

  @Test
  void digestCoversTheVariantThenItsParent() throws Exception {
    Path variant = VARIANTS.resolve("variant-small.yaml");
    NetworkSpec spec = SpecLoader.load(variant);
    assertEquals(sha256(variant, Path.of("..", "specs", "googlenet.yaml")), spec.sha256());
  }

  /** Two levels: the grandchild removes rows, changes the epsilon and one row's activation. */
  @Test
  void chainsOfExtendsMergeLevelByLevel() throws Exception {
    Path deeper = VARIANTS.resolve("variant-deeper.yaml");
    NetworkSpec spec = SpecLoader.load(deeper);
    assertEquals(19, spec.layers().size());
    assertFalse(spec.layer("norm1").isPresent() || spec.layer("norm2").isPresent());
    assertEquals(10, spec.classes()); // from variant-small.yaml
    Optional<BatchNorm> epsilon = Optional.of(new BatchNorm(0.001));
    // bias false from variant-small's change, activation none from this file's, epsilon from its defaults
    assertEquals(new ConvolutionStyle(false, epsilon, Activation.NONE),
        layer(spec, "conv2", Convolution.class).style());
    assertEquals(new ConvolutionStyle(true, epsilon, Activation.RELU),
        layer(spec, "conv1", Convolution.class).style());
    assertEquals(96, layer(spec, "inception_4a", Inception.class).n1x1());
    assertTrue(spec.printed().isEmpty(), "inception_4a's paper is variant-small's, not this file's");
    assertEquals(sha256(deeper, VARIANTS.resolve("variant-small.yaml"), Path.of("..", "specs", "googlenet.yaml")),
        spec.sha256());
  }

  @Test
  void blockRowsRenderOnOneLine() throws Exception {
    NetworkSpec spec = SpecLoader.load(VARIANTS.resolve("block-rows.yaml"));
    Convolution conv1 = layer(spec, "conv1", Convolution.class);
    assertEquals("{name: conv1, type: convolution, patch: 5x5/1, filters: 16, batch_norm: {epsilon: 0.01}}",
        conv1.source());
    assertEquals(5, conv1.location().line());
    assertEquals(5, conv1.location().column());
    assertEquals(2, conv1.padding()); // (5 - 1) / 2
    assertEquals(Optional.of(new BatchNorm(0.01)), conv1.style().batchNorm());
    Linear fc = layer(spec, "fc", Linear.class);
    assertEquals("{name: fc, type: linear, units: 'classes'}", fc.source());
    assertEquals(10, fc.units());
    assertEquals("BlockRows", spec.className());
  }
}
