package io.netspec.dsl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netspec.dsl.load.SpecLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * specs/googlenet-torchvision.yaml has exactly torchvision's trainable parameter count for 1000 classes.
 *
 * <p>The figures were printed by {@code tools/reference/torchvision_params.py}, run with Debian's
 * python3-torchvision 0.14.1 (torch 1.13): the sum of {@code p.numel()} over parameters with
 * {@code requires_grad}, for {@code googlenet(weights=None, aux_logits=True|False, num_classes=1000)}.
 */
class TorchvisionParityTest {

  private static final long TORCHVISION_WITH_AUX = 13_004_888L;
  private static final long TORCHVISION_WITHOUT_AUX = 6_624_904L;

  @Test
  void trainableParametersEqualTorchvisions() throws Exception {
    NetworkAnalysis analysis =
        Analyzer.analyze(SpecLoader.load(Path.of("..", "specs", "googlenet-torchvision.yaml")));
    assertEquals(1000, analysis.output().channels());
    assertEquals(TORCHVISION_WITH_AUX, analysis.trainableParams(true));
    assertEquals(TORCHVISION_WITHOUT_AUX, analysis.trainableParams(false));
  }
}
