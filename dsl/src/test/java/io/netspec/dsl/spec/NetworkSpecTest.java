package io.netspec.dsl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netspec.dsl.diagnostics.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {

  private static final SourceLocation HERE = SourceLocation.ofFile("order.yaml");

  private static Layer conv(String name) {
    return new Convolution(name, HERE, name, Patch.square(3, 1), 1, 4, OptionalInt.empty(),
        ConvolutionStyle.PAPER);
  }

  private static AuxClassifier aux(String name, String after) {
    return new AuxClassifier(name, HERE, after, 0.3, List.of(new GlobalAvgPool("pool", HERE, "pool")));
  }

  /**
   * Training outputs and loss weights follow one order; a spec that lists a later classifier first must
   * not pair a weight with the wrong output.
   */
  @Test
  void auxiliaryClassifiersAreKeptInTheOrderTheyAttach() {
    NetworkSpec spec = new NetworkSpec("order.yaml", "Order", new InputShape(8, 8, 1), 2,
        List.of(conv("a"), conv("b"), conv("c")),
        List.of(aux("late", "c"), aux("early", "a"), aux("middle", "b"), aux("early_too", "a")),
        Map.of(), "0");
    assertEquals(List.of("early", "early_too", "middle", "late"),
        spec.auxClassifiers().stream().map(AuxClassifier::name).toList());
  }
}
