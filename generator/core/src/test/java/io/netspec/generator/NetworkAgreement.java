package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Checks that two blocks built from one spec (the generated class and the interpreter's) are the same network:
 * the same parameter names and shapes, parameters saved from one load into the other, and then the same outputs
 * for the same input, in inference and in training.
 *
 * <p>Tolerance: every element {@code b} of an output of the other and {@code a} of the reference's satisfy
 * {@code |a - b| <= TOLERANCE * max(1, max |a|)}: 1e-5 relative to the output's largest magnitude, or absolute
 * when that is below 1. The two compute LRN and adaptive pooling by different float operations, so they differ
 * in the last bits, and a deep network carries such differences to small logits as absolute errors of the
 * order of the large ones' rounding: hence a tolerance scaled by the output, not element by element.
 *
 * <p>Dropout draws from the engine's random generator: before each training pass, both networks reseed it with
 * {@link #DROPOUT_SEED}, so that they draw the same masks as long as they run the same operations in the same
 * order, which the same network does.
 */
final class NetworkAgreement {

  static final double TOLERANCE = 1e-5;
  private static final int DROPOUT_SEED = 20261127;
  private static final int INPUT_SEED = 7;

  private NetworkAgreement() {}

  /**
   * Initialises both blocks for {@code input} (seeded, so that the test is the same on every run), copies the parameters of {@code reference} into {@code other}
   * and compares their outputs on one random input, in inference and then in training.
   */
  static void assertSameNetwork(Block reference, Block other, NDManager manager, Shape input) {
    Engine.getInstance().setRandomSeed(INPUT_SEED);
    reference.initialize(manager, DataType.FLOAT32, input);
    other.initialize(manager, DataType.FLOAT32, input);
    assertEquals(parameterShapes(reference), parameterShapes(other), "parameter names and shapes");
    copyParameters(reference, other, manager);

    NDArray images = manager.randomNormal(input);
    ParameterStore parameters = new ParameterStore(manager, false);
    for (boolean training : new boolean[] {false, true}) {
      NDList expected = run(reference, parameters, images, training);
      NDList actual = run(other, parameters, images, training);
      assertEquals(expected.size(), actual.size(), "outputs in " + mode(training));
      for (int i = 0; i < expected.size(); i++) {
        assertClose(expected.get(i), actual.get(i), "output " + i + " in " + mode(training));
      }
    }
  }

  /** Every parameter's full name (the path of child names) and shape, in the order DJL saves them. */
  static List<String> parameterShapes(Block block) {
    return block.getParameters().stream()
        .map(p -> p.getKey() + " " + p.getValue().getArray().getShape())
        .toList();
  }

  private static void copyParameters(Block from, Block to, NDManager manager) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        from.saveParameters(out);
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        to.loadParameters(manager, in);
        assertEquals(-1, in.read(), "the saved parameters are read to the end");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MalformedModelException e) {
      throw new AssertionError("parameters saved from one do not load into the other: " + e.getMessage(), e);
    }
    for (Pair<String, Parameter> p : to.getParameters()) {
      assertEquals(from.getParameters().get(p.getKey()).getArray(), p.getValue().getArray(), p.getKey());
    }
  }

  private static NDList run(Block block, ParameterStore parameters, NDArray images, boolean training) {
    Engine.getInstance().setRandomSeed(DROPOUT_SEED);
    return block.forward(parameters, new NDList(images), training);
  }

  private static void assertClose(NDArray expected, NDArray actual, String what) {
    assertEquals(expected.getShape(), actual.getShape(), what);
    float[] a = expected.toFloatArray();
    float[] b = actual.toFloatArray();
    double scale = 0;
    for (float value : a) {
      scale = Math.max(scale, Math.abs(value));
    }
    double bound = TOLERANCE * Math.max(1, scale);
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - b[i]) <= bound)) {
        fail(what + ": element " + i + " is " + b[i] + ", expected " + a[i] + " within " + bound + " ("
            + TOLERANCE + " of the largest |expected|, " + scale + ")");
      }
    }
  }

  private static String mode(boolean training) {
    return training ? "training" : "inference";
  }
}
