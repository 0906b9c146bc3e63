package io.netspec.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batch normalisation folded into the convolutions: the folded network's logits equal the unfolded network's,
 * its parameters are left as trained, and it refuses training.
 *
 * <p>The network has a convolution unit with a reduction and a bias, an Inception module without bias, and
 * non-trivial statistics: every batch normalisation's scale, shift, running mean and running variance drawn at
 * random (variances 0.2 to 3, means up to +-1), so a fold that dropped or misplaced any term would move the
 * logits by far more than the tolerance. Tolerance: 1e-4 absolute on the logits (the bound; the two
 * compute the same sums in another rounding).
 */
class FoldedBatchNormTest {

  /** A small network of the blocks the generated networks compose. */
  private static final class Tiny extends NetworkBlock {
    Tiny() {
      super(new Shape(3, 12, 12), 5);
      addRow("conv", ConvolutionUnit.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
          .optStride(new Shape(2, 2)).setFilters(8).optReduction(4).optBatchNorm(true).optBatchNormEpsilon(1e-3f)
          .build());
      addRow("mixed", InceptionModule.builder().setBranch1x1(4).setBranch3x3(3, 6).setBranch5x5(2, 3)
          .setPoolProjection(2).optBias(false).optBatchNorm(true).build());
      addRow("pool", Pool.globalAvgPool2dBlock());
      addRow("flatten", Blocks.batchFlattenBlock());
      addRow("fc", Linear.builder().setUnits(5).build());
    }
  }

  private static NetworkBlock network(NDManager manager) {
    Tiny network = new Tiny();
    network.initialize(manager, DataType.FLOAT32, new Shape(4, 3, 12, 12));
    Random random = new Random(15);
    for (Pair<String, Parameter> parameter : network.getParameters()) {
      NDArray array = parameter.getValue().getArray();
      String name = parameter.getKey();
      float[] values = new float[(int) array.size()];
      for (int i = 0; i < values.length; i++) {
        double u = random.nextDouble();
        values[i] = (float) (name.endsWith("runningVar") ? 0.2 + 2.8 * u
            : name.endsWith("runningMean") ? 2 * u - 1
            : name.endsWith("gamma") ? 0.5 + u
            : (u - 0.5) * (name.endsWith("weight") ? 0.8 : 0.6));
      }
      array.set(FloatBuffer.wrap(values));
    }
    return network;
  }

  private static float[] logits(NetworkBlock network, NDManager manager, NDArray input) {
    NDList output = network.forward(new ParameterStore(manager, false), new NDList(input), false);
    return output.head().toFloatArray();
  }

  @Test
  void foldedLogitsEqualUnfoldedOnes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock network = network(manager);
      NDArray input = manager.randomNormal(new Shape(4, 3, 12, 12));
      float[] unfolded = logits(network, manager, input);
      List<float[]> before = parameterValues(network);
      network.foldBatchNorm();
      assertTrue(network.isBatchNormFolded());
      float[] folded = logits(network, manager, input);
      double spread = 0;
      for (int i = 0; i < unfolded.length; i++) {
        assertEquals(unfolded[i], folded[i], 1e-4, "logit " + i);
        spread = Math.max(spread, Math.abs(unfolded[i] - unfolded[0]));
      }
      assertTrue(spread > 1e-2, "the logits differ from one another, so equality says something: " + spread);
      List<float[]> after = parameterValues(network);
      for (int i = 0; i < before.size(); i++) {
        assertArrayEquals(before.get(i), after.get(i), "parameter " + i + " keeps its trained value");
      }
      network.foldBatchNorm(); // a second fold changes nothing
      assertArrayEquals(folded, logits(network, manager, input));
    }
  }

  @Test
  void foldingIsNotTheIdentity() {
    // the folded unit alone, without its batch normalisation, differs from the unit with it: the statistics
    // are far from (0, 1), so the first test's equality is the fold's doing
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock network = network(manager);
      ConvolutionUnit unit = (ConvolutionUnit) network.getChildren().get(0).getValue();
      NDArray input = manager.randomNormal(new Shape(4, 3, 12, 12));
      ParameterStore store = new ParameterStore(manager, false);
      float[] withNorm = unit.forward(store, new NDList(input), false).head().toFloatArray();
      NDList reduced = unit.reduction().orElseThrow().forward(store, new NDList(input), false);
      float[] convOnly = unit.conv().forward(store, reduced, false).head().toFloatArray();
      double largest = 0;
      for (int i = 0; i < withNorm.length; i++) {
        largest = Math.max(largest, Math.abs(withNorm[i] - Math.max(0, convOnly[i])));
      }
      assertTrue(largest > 0.1, "batch normalisation changes the unit's output: " + largest);
    }
  }

  @Test
  void aFoldedNetworkRefusesTraining() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock network = network(manager);
      network.foldBatchNorm();
      NDArray input = manager.randomNormal(new Shape(4, 3, 12, 12));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> network.forward(new ParameterStore(manager, false), new NDList(input), true));
      assertTrue(e.getMessage().contains("folded"), e.getMessage());
      ConvolutionUnit unit = (ConvolutionUnit) network.getChildren().get(0).getValue();
      assertThrows(IllegalStateException.class,
          () -> unit.forward(new ParameterStore(manager, false), new NDList(input), true));
    }
  }

  @Test
  void theFoldFollowsTheFormula() {
    // one channel of two weights, worked by hand: s = 2 / sqrt(3 + 1) = 1, w' = w, b' = 0.5 + (1 - 4) * 1
    FoldedConvolution fold = FoldedConvolution.of(new float[] {1, -2, 3, 4}, new float[] {1, 0},
        new float[] {2, 3}, new float[] {0.5f, -1}, new float[] {4, 2}, new float[] {3, 8}, 1);
    assertArrayEquals(new float[] {1, -2, 3, 4}, fold.weight(), 1e-6f);
    assertArrayEquals(new float[] {-2.5f, -3}, fold.bias(), 1e-6f);
    assertThrows(IllegalArgumentException.class, () -> FoldedConvolution.of(new float[3], null, new float[2],
        new float[2], new float[2], new float[2], 1e-5));
  }

  private static List<float[]> parameterValues(NetworkBlock network) {
    List<float[]> values = new ArrayList<>();
    for (Pair<String, Parameter> parameter : network.getParameters()) {
      values.add(parameter.getValue().getArray().toFloatArray());
    }
    return values;
  }
}
