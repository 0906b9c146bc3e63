package io.netspec.dsl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.InputShape;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.spec.Patch;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.PoolKind;
import io.netspec.dsl.spec.Rounding;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Shapes that collapse, and classifiers that cannot attach, are spec errors at the row that causes them. */
class AnalyzerErrorsTest {

  private static final String FILE = "tiny.yaml";

  private static SourceLocation line(int line) {
    return new SourceLocation(FILE, line, 5);
  }

  private static Convolution conv(String name, int line, int size, int stride, int padding) {
    return new Convolution(name, line(line), name, Patch.square(size, stride), padding, 8,
        OptionalInt.empty(), ConvolutionStyle.PAPER);
  }

  private static NetworkSpec spec(int size, List<Layer> layers, List<AuxClassifier> aux) {
    return spec(new InputShape(size, size, 1), layers, aux);
  }

  private static NetworkSpec spec(InputShape input, List<Layer> layers, List<AuxClassifier> aux) {
    return new NetworkSpec(FILE, "Tiny", input, 10, layers, aux, Map.of(), "0");
  }

  /** A convolution with {@code filters} outputs, keeping the size of the map. */
  private static Convolution wide(String name, int line, int size, int filters) {
    return new Convolution(name, line(line), name, Patch.square(size, 1), (size - 1) / 2, filters,
        OptionalInt.empty(), ConvolutionStyle.PAPER);
  }

  private static void assertOnlyMistake(int line, String message, NetworkSpec spec) {
    SpecException error = assertThrows(SpecException.class, () -> Analyzer.analyze(spec));
    assertEquals(List.of(new Diagnostic(line(line), message)), error.diagnostics());
  }

  private static Linear fc(int line) {
    return new Linear("fc", line(line), "fc", 10, true, true, Activation.NONE);
  }

  @Test
  void aPoolThatLeavesAnEmptyMapIsReportedAtItsRow() {
    // 8x8 -> 7x7/2 without padding -> 1x1 -> 3x3/2 max pool -> nothing
    NetworkSpec spec = spec(8, List.of(conv("conv1", 3, 7, 2, 0),
        new Pool("pool1", line(4), "pool1", PoolKind.MAX, Patch.square(3, 2), 0, Rounding.FLOOR),
        new GlobalAvgPool("pool2", line(5), "pool2"), fc(6)), List.of());
    SpecException error = assertThrows(SpecException.class, () -> Analyzer.analyze(spec));
    assertEquals(1, error.diagnostics().size());
    assertEquals(line(4), error.diagnostics().get(0).location());
    assertEquals("'pool1' leaves a 0x0 map: its input is only 1x1; use a smaller patch or stride, "
        + "or a larger input", error.diagnostics().get(0).message());
  }

  @Test
  void aConvolutionLargerThanItsInputIsReported() {
    NetworkSpec spec = spec(4, List.of(conv("conv1", 3, 7, 1, 0), fc(4)), List.of());
    SpecException error = assertThrows(SpecException.class, () -> Analyzer.analyze(spec));
    assertEquals(line(3), error.diagnostics().get(0).location());
  }

  @Test
  void anAuxClassifierOnAMapSmallerThanItsPool() {
    Layer pool = new AdaptiveAvgPool("pool", line(9), "pool", 4, 4);
    AuxClassifier aux = new AuxClassifier("aux1", line(8), "conv2", 0.3, List.of(pool, fc(10)));
    // 8x8 -> conv1 3x3/2 pad 1 -> 4x4 -> conv2 3x3/2 pad 1 -> 2x2: too small for a 4x4 adaptive pool
    NetworkSpec spec = spec(8, List.of(conv("conv1", 3, 3, 2, 1), conv("conv2", 4, 3, 2, 1),
        new GlobalAvgPool("gap", line(5), "gap"), fc(6)), List.of(aux));
    SpecException error = assertThrows(SpecException.class, () -> Analyzer.analyze(spec));
    assertEquals(line(9), error.diagnostics().get(0).location());
    assertEquals("'pool' pools a 2x2 map to 4x4; its input must be at least that large",
        error.diagnostics().get(0).message());
  }

  @Test
  void anAuxClassifierAfterTheHeadOrNowhere() {
    AuxClassifier afterHead = new AuxClassifier("aux1", line(8), "fc", 0.3, List.of(fc(9)));
    AuxClassifier nowhere = new AuxClassifier("aux2", line(11), "conv9", 0.3, List.of(fc(12)));
    NetworkSpec spec = spec(8, List.of(conv("conv1", 3, 3, 1, 1), new GlobalAvgPool("gap", line(4), "gap"),
        fc(5)), List.of(afterHead, nowhere));
    SpecException error = assertThrows(SpecException.class, () -> Analyzer.analyze(spec));
    assertEquals(2, error.diagnostics().size(), error.getMessage());
    assertEquals(line(8), error.diagnostics().get(0).location());
    assertEquals(line(11), error.diagnostics().get(1).location());
  }

  /** The sizes the loader allows (99999 a side, 1,000,000 a count) can make counts that a long cannot hold. */
  @Test
  void multiplyAddsBeyondALongAreReportedAtTheirRow() {
    // weights 9 x 99999 x 100000, about 9e10; multiply-adds those times 99999 x 99999, about 9e20
    NetworkSpec spec = spec(new InputShape(99999, 99999, 99999), List.of(wide("conv1", 3, 3, 100000), fc(4)),
        List.of());
    assertOnlyMistake(3, "'conv1' has more multiply-adds than 2^63 - 1, too many to count; use smaller sizes",
        spec);
  }

  @Test
  void rowsWhoseCountsTogetherExceedALongAreReportedAtTheRowThatTipsThem() {
    // each 1x1 row: 22361 x 22361 weights on 99999 x 99999 positions, about 5.0e18 multiply-adds
    NetworkSpec spec = spec(new InputShape(99999, 99999, 22361),
        List.of(wide("conv1", 3, 1, 22361), wide("conv2", 4, 1, 22361), fc(5)), List.of());
    assertOnlyMistake(4, "the rows up to 'conv2' together have more multiply-adds than 2^63 - 1, too many to"
        + " count; use smaller sizes", spec);
  }

  @Test
  void aMapLongerThanAnIntOnASideIsReported() {
    Convolution padded = new Convolution("conv1", line(3), "conv1", Patch.square(1, 1), 1_000_000, 1,
        OptionalInt.empty(), ConvolutionStyle.PAPER);
    NetworkSpec spec = spec(new InputShape(Integer.MAX_VALUE - 10, 1, 1), List.of(padded, fc(4)), List.of());
    assertOnlyMistake(3, "'conv1' leaves a 2149483637x2000001 map, more than 2^31 - 1 on a side; use less padding",
        spec);
  }
}
