package io.netspec.dsl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netspec.dsl.spec.Rounding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pooling output sizes against PyTorch's, which DJL's PyTorch engine computes at run time. */
class OutputSizeTest {

  /**
   * Expected sizes printed by {@code tools/reference/pool_output_sizes.py} with Debian's python3-torch 1.13:
   * {@code torch.nn.functional.max_pool2d(...).shape[-1]} in floor and in ceil mode.
   */
  @ParameterizedTest(name = "length {0}, window {1}, stride {2}, padding {3}")
  @CsvSource({
    "112,3,2,0,55,56",
    "14,2,2,0,7,7",
    "5,2,2,1,3,3",
    "7,3,2,1,4,4",
    "6,3,3,0,2,2",
    "10,4,3,2,4,4",
    "1,3,2,1,1,1",
    "28,3,2,0,13,14",
    "13,3,2,0,6,6",
  })
  void matchesPyTorch(int length, int window, int stride, int padding, int floor, int ceil) {
    assertEquals(floor, Analyzer.outputSize(length, window, stride, padding, Rounding.FLOOR));
    assertEquals(ceil, Analyzer.outputSize(length, window, stride, padding, Rounding.CEIL));
  }

  @ParameterizedTest
  @CsvSource({"2,3,1,0", "4,7,2,1"})
  void aWindowLargerThanThePaddedInputLeavesNothing(int length, int window, int stride, int padding) {
    assertEquals(0, Analyzer.outputSize(length, window, stride, padding, Rounding.FLOOR));
    assertEquals(0, Analyzer.outputSize(length, window, stride, padding, Rounding.CEIL));
  }
}
