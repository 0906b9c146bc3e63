package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.analysis.TensorShape;

/**
 * Runs a network built from a spec (generated or interpreted) and checks what it computes against the spec's
 * analysis: the trainable parameter count, the inference and training outputs, and each main-path child's
 * output shape.
 */
final class AnalysisChecks {

  private AnalysisChecks() {}

  /** The network's input for {@code batch} examples of the analysed input. */
  static Shape inputShape(NetworkAnalysis analysis, int batch) {
    TensorShape in = analysis.input();
    return new Shape(batch, in.channels(), in.height(), in.width());
  }

  /**
   * Initialises the network (built with the spec's defaults) for {@code batch} examples, runs it on random
   * images and checks it against the analysis.
   */
  static void assertRunsAsAnalysed(NetworkAnalysis analysis, Block network, NDManager manager, int batch) {
    Shape input = inputShape(analysis, batch);
    network.initialize(manager, DataType.FLOAT32, input);
    assertEquals(analysis.trainableParams(!analysis.auxClassifiers().isEmpty()), trainableParams(network),
        "trainable parameters (BatchNorm running statistics aside)");
    ParameterStore parameters = new ParameterStore(manager, false);
    NDArray images = manager.randomUniform(0, 1, input);

    NDList inference = network.forward(parameters, new NDList(images), false);
    assertEquals(1, inference.size());
    Shape logits = new Shape(batch, flat(analysis.output()));
    assertEquals(logits, inference.head().getShape());
    assertArrayEquals(new Shape[] {logits}, network.getOutputShapes(new Shape[] {input}));

    NDList training = network.forward(parameters, new NDList(images), true);
    assertEquals(1 + analysis.auxClassifiers().size(), training.size(), "logits, then each aux's");
    assertEquals(logits, training.head().getShape());
    for (int i = 0; i < analysis.auxClassifiers().size(); i++) {
      assertEquals(new Shape(batch, flat(analysis.auxClassifiers().get(i).output())), training.get(i + 1).getShape());
    }
    assertChildrenFollowTheAnalysis(analysis, network, parameters, images);
  }

  /** Runs the main-path children one by one and compares each output with the analysis row of its name. */
  static void assertChildrenFollowTheAnalysis(
      NetworkAnalysis analysis, Block network, ParameterStore parameters, NDArray images) {
    long batch = images.getShape().get(0);
    NDList x = new NDList(images);
    for (Pair<String, Block> child : network.getChildren()) {
      String name = child.getKey().substring(2); // DJL prefixes a two-digit index
      if (analysis.auxClassifiers().stream().anyMatch(a -> a.classifier().name().equals(name))) {
        continue;
      }
      RowFigures row = analysis.row(name).orElseThrow(() -> new AssertionError("no row " + name));
      x = child.getValue().forward(parameters, x, false);
      Shape shape = x.singletonOrThrow().getShape();
      if (shape.dimension() == 4) {
        TensorShape out = row.output();
        assertEquals(new Shape(batch, out.channels(), out.height(), out.width()), shape, name);
      } else {
        assertEquals(flat(row.output()), shape.size() / batch, name);
      }
    }
  }

  static long trainableParams(Block network) {
    long count = 0;
    for (Parameter parameter : network.getParameters().values()) {
      if (parameter.requiresGradient()) {
        count += parameter.getArray().getShape().size();
      }
    }
    return count;
  }

  private static long flat(TensorShape shape) {
    return shape.size();
  }
}
