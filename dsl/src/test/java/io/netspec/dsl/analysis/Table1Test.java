package io.netspec.dsl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.load.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * specs/googlenet.yaml against Table 1 of Szegedy et al. (2014). The expected figures are the table's, as
 * copied into shared/reference/googlenet-table1.md, and the arithmetic that file spells out; none is taken
 * from this code's output.
 */
class Table1Test {

  private static NetworkAnalysis googlenet;

  @BeforeAll
  static void analyze() throws Exception {
    googlenet = Analyzer.analyze(SpecLoader.load(Path.of("..", "specs", "googlenet.yaml")));
  }

  /** The table's "output size" column, row by row. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "conv1, 112x112x64",
    "pool1, 56x56x64",
    "conv2, 56x56x192",
    "pool2, 28x28x192",
    "inception_3a, 28x28x256",
    "inception_3b, 28x28x480",
    "pool3, 14x14x480",
    "inception_4a, 14x14x512",
    "inception_4b, 14x14x512",
    "inception_4c, 14x14x512",
    "inception_4d, 14x14x528",
    "inception_4e, 14x14x832",
    "pool4, 7x7x832",
    "inception_5a, 7x7x832",
    "inception_5b, 7x7x1024",
    "pool5, 1x1x1024",
    "dropout, 1x1x1024",
    "fc, 1x1x1000",
    "softmax, 1x1x1000",
  })
  void outputSizeOfEveryRowIsTheTables(String row, String outputSize) {
    assertEquals(outputSize, googlenet.row(row).orElseThrow().output().toString());
  }

  /** The table's depth column. */
  @Test
  void depthColumn() {
    Map<String, Integer> depths = Map.of("conv1", 1, "pool1", 0, "conv2", 2, "inception_3a", 2,
        "inception_5b", 2, "pool5", 0, "dropout", 0, "fc", 1);
    depths.forEach((row, depth) ->
        assertEquals(depth, googlenet.row(row).orElseThrow().depth(), row));
  }

  /**
   * The reference works inception (3a) through: 192·64 + 192·96 + 9·96·128 + 192·16 + 25·16·32 + 192·32 =
   * 163,328 weights, and 163,328·28·28 = 128.0M multiply-adds.
   */
  @Test
  void inception3aAsWorkedInTheReference() {
    RowFigures row = googlenet.row("inception_3a").orElseThrow();
    assertEquals(163_328, row.weights());
    assertEquals(163_328L * 28 * 28, row.ops());
  }

  /**
   * Rows whose printed params (K = 1024) and ops (M = 10^6) agree with the arithmetic: within 2%, or within
   * the paper's rounding to whole units (its "1M" for the linear layer's 1.024M).
   */
  @ParameterizedTest(name = "{0}: {1}K, {2}M")
  @CsvSource({
    "conv2, 112, 360",
    "inception_3a, 159, 128",
    "inception_3b, 380, 304",
    "inception_4a, 364, 73",
    "inception_4b, 437, 88",
    "inception_4d, 580, 119",
    "inception_4e, 840, 170",
    "inception_5b, 1388, 71",
    "fc, 1000, 1",
  })
  void rowsThatAgreeWithThePrintedFigures(String name, double printedK, double printedM) {
    RowFigures row = googlenet.row(name).orElseThrow();
    assertWithin(printedK, row.weights() / 1024.0, 0.02, name + " params");
    assertWithin(printedM, row.ops() / 1e6, 0.02, name + " ops");
  }

  /**
   * The rows the reference says no reading of the architecture reconciles with the printed table: the
   * computed figure is kept.
   */
  @Test
  void rowsThatDisagreeKeepTheArithmetic() {
    RowFigures conv1 = googlenet.row("conv1").orElseThrow();
    assertEquals(7 * 7 * 3 * 64, conv1.weights()); // 9,408 = 9.2K, not the printed 2.7K
    assertEquals(118, Math.round(conv1.ops() / 1e6)); // not the printed 34M
    assertEquals(497.5, googlenet.row("inception_4c").orElseThrow().weights() / 1024.0, 1e-9);
    RowFigures inception5a = googlenet.row("inception_5a").orElseThrow();
    assertEquals(1018.0, inception5a.weights() / 1024.0, 1e-9);
    assertEquals(51, Math.round(inception5a.ops() / 1e6));
  }

  /** Section 5: aux classifiers read 4x4x512 after (4a) and 4x4x528 after (4d), then fc on 4·4·128. */
  @Test
  void auxiliaryClassifiersOfSection5() {
    List<AuxFigures> aux = googlenet.auxClassifiers();
    assertEquals(2, aux.size());
    assertEquals("4x4x512", aux.get(0).rows().get(0).output().toString());
    assertEquals("4x4x528", aux.get(1).rows().get(0).output().toString());
    RowFigures fc1 = aux.get(0).rows().get(2);
    assertEquals(4 * 4 * 128 * 1024, fc1.weights());
    assertEquals("1x1x1000", aux.get(1).output().toString());
  }

  private static void assertWithin(double expected, double actual, double relative, String what) {
    double tolerance = Math.max(relative * expected, 0.5);
    assertTrue(Math.abs(actual - expected) <= tolerance,
        what + ": expected " + expected + " within " + tolerance + ", computed " + actual);
  }
}
