package io.netspec.dsl.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a computed figure agrees with a printed one. */
class PaperComparisonTest {

  private static boolean params(String printed, long weights) {
    return PrintedFigure.parse(printed, 1024).orElseThrow().agrees(weights, PaperComparison.RELATIVE_TOLERANCE);
  }

  private static boolean ops(String printed, long ops) {
    return PrintedFigure.parse(printed, 1000).orElseThrow().agrees(ops, PaperComparison.RELATIVE_TOLERANCE);
  }

  @Test
  void roundingOfTheLastPrintedDigitIsAgreement() {
    assertTrue(ops("1M", 1_024_000)); // fc: 1.024M printed as 1M, 2.4% off but within half a unit
    assertTrue(params("2.7K", 2_790)); // 2.72K
    assertFalse(ops("1.0M", 1_060_000)); // one decimal printed: 1.06M is neither rounding nor within 2%
  }

  @Test
  void twoPercentIsAgreement() {
    assertTrue(params("580K", 604_672)); // inception (4d): 590.5K, 1.8% above
    assertFalse(params("463K", 509_440)); // inception (4c): 497.5K, 7.5% above
    assertFalse(params("2.7K", 9_408)); // conv1
  }

  @Test
  void unitsOfTheTable() {
    assertEquals(2.7 * 1024, PrintedFigure.parse("2.7K", 1024).orElseThrow().value(), 1e-9);
    assertEquals(34e6, PrintedFigure.parse("34M", 1000).orElseThrow().value(), 1e-3);
    assertTrue(PrintedFigure.parse("34 M", 1000).isEmpty());
  }

  @Test
  void googlenetRowsThatDisagree() throws Exception {
    assertEquals(Set.of("conv1", "inception_4c", "inception_5a"),
        PaperComparison.disagreeingRows(TextSummaryTest.analyze("googlenet.yaml")));
  }
}
