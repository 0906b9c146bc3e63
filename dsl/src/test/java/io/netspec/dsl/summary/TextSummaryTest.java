package io.netspec.dsl.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.load.SpecLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text summary of specs/googlenet.yaml against Table 1 of Szegedy et al. (2014), as transcribed in
 * shared/reference/googlenet-table1.md: its output sizes, its printed figures and the rows that file says
 * disagree with the arithmetic.
 */
class TextSummaryTest {

  private static String summary;
  private static List<String> lines;

  @BeforeAll
  static void render() throws Exception {
    summary = TextSummary.render(analyze("googlenet.yaml"));
    lines = summary.lines().toList();
  }

  static NetworkAnalysis analyze(String spec) throws Exception {
    return Analyzer.analyze(SpecLoader.load(Path.of("..", "specs", spec)));
  }

  /** The cells of the table line of a row, split on runs of spaces (no cell holds two spaces). */
  private static List<String> cells(String row) {
    String line = lines.stream().filter(l -> l.startsWith(row + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + row + " in\n" + summary));
    return Arrays.asList(line.split(" {2,}"));
  }

  /** Table 1's "output size" column (googlenet-table1.md), row by row, typed in from the table. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "conv1, 112x112x64", "pool1, 56x56x64", "conv2, 56x56x192", "pool2, 28x28x192",
    "inception_3a, 28x28x256", "inception_3b, 28x28x480", "pool3, 14x14x480", "inception_4a, 14x14x512",
    "inception_4b, 14x14x512", "inception_4c, 14x14x512", "inception_4d, 14x14x528",
    "inception_4e, 14x14x832", "pool4, 7x7x832", "inception_5a, 7x7x832", "inception_5b, 7x7x1024",
    "pool5, 1x1x1024", "dropout, 1x1x1024", "fc, 1x1x1000", "softmax, 1x1x1000",
  })
  void showsTable1OutputSizes(String row, String outputSize) {
    assertTrue(cells(row).contains(outputSize), row + ": " + cells(row));
  }

  /**
   * googlenet-table1.md: conv1, inception (4c) params and inception (5a) disagree with the printed table;
   * "every other row agrees to rounding". Exactly those three are marked.
   */
  @Test
  void marksExactlyTheRowsTheReferenceSaysDisagree() {
    Set<String> differing = new TreeSet<>();
    Set<String> agreeing = new TreeSet<>();
    for (String line : lines) {
      if (line.endsWith(" " + TextSummary.DIFFERS)) {
        differing.add(line.substring(0, line.indexOf(' ')));
      } else if (line.endsWith(" " + TextSummary.AGREES)) {
        agreeing.add(line.substring(0, line.indexOf(' ')));
      }
    }
    assertEquals(Set.of("conv1", "inception_4c", "inception_5a"), differing);
    assertEquals(Set.of("conv2", "inception_3a", "inception_3b", "inception_4a", "inception_4b", "inception_4d",
        "inception_4e", "inception_5b", "fc"), agreeing);
  }

  /** The reference's worked figures shown beside the printed ones: conv1 9.2K / 118M, (3a) 159.5K / 128.0M. */
  @Test
  void showsComputedFiguresBesideThePrintedOnes() {
    List<String> conv1 = cells("conv1");
    assertTrue(conv1.containsAll(List.of("7x7/2", "9.2K", "2.7K", "118.0M", "34M")), conv1.toString());
    List<String> inception3a = cells("inception_3a");
    assertTrue(inception3a.containsAll(List.of("64", "96", "128", "16", "32", "159.5K", "159K", "128.0M",
        "128M")), inception3a.toString());
    // conv2 is two layers: #3x3 reduce 64, #3x3 192, as Table 1's second convolution row
    assertTrue(cells("conv2").containsAll(List.of("3x3/1", "64", "192", "2")), cells("conv2").toString());
    assertTrue(cells("dropout").contains("dropout (40%)"));
  }

  /** Section 5: the classifiers read 4x4x512 after (4a) and 4x4x528 after (4d); listed after the main rows. */
  @Test
  void listsAuxiliaryClassifiersAfterTheMainRows() {
    assertTrue(cells("aux1.pool").contains("4x4x512"));
    assertTrue(cells("aux2.pool").contains("4x4x528"));
    int softmax = lines.indexOf(lines.stream().filter(l -> l.startsWith("softmax ")).findFirst().orElseThrow());
    int aux1 = lines.indexOf(lines.stream().filter(l -> l.startsWith("aux1.pool ")).findFirst().orElseThrow());
    assertTrue(softmax < aux1);
  }

  /**
   * torchvision's googlenet has 6,624,904 trainable parameters without its auxiliary classifiers and
   * 13,004,888 with them, its published figures for 1000 classes.
   */
  @Test
  void totalsOfTorchvision() throws Exception {
    String torchvision = TextSummary.render(analyze("googlenet-torchvision.yaml"));
    assertTrue(torchvision.contains("trainable params: 6,624,904 without auxiliary classifiers, 13,004,888 with"),
        torchvision);
  }

  @Test
  void isDeterministic() throws Exception {
    assertEquals(summary, TextSummary.render(analyze("googlenet.yaml")));
  }
}
