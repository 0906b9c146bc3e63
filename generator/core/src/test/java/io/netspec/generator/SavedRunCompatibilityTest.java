package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.interpreter.InterpretedNetwork;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A run folder made before the blocks library existed still loads: {@code saved-run/googlenet-fashion} is
 * {@code ./netspec train --epochs 1 --limit 128 --batch-size 32} as run by the code of commit ced0f85 (module
 * classes generated into each spec's package), its {@code best.params} written by that code's generated
 * {@code GooglenetFashion}. {@code reference-logits.txt} holds the inference logits of that network with those
 * parameters on {@link #input}, computed by that same old code (this test with {@code -Dnetspec.record=true},
 * run once before the change, in the commit that added the folder). The numbers are therefore independent of
 * the current blocks and generator: they come from code that no longer exists. The test loads the parameter file
 * into today's generated class and today's interpreted network, built from the spec copy in the run folder, and
 * compares their logits with the recorded ones.
 */
class SavedRunCompatibilityTest {

  private static final Path RUN = Path.of("src/test/resources/saved-run/googlenet-fashion");
  private static final Path REFERENCE = RUN.resolve("reference-logits.txt");
  private static final int BATCH = 3;
  private static final double TOLERANCE = 1e-5;

  @Test
  void oldRunFolderLoadsIntoTheGeneratedClass() throws Exception {
    NetworkAnalysis analysis = analysis();
    check(GeneratedNetworks.compile(analysis).build());
  }

  @Test
  void oldRunFolderLoadsIntoTheInterpretedNetwork() throws Exception {
    check(InterpretedNetwork.builder(analysis().spec()).build());
  }

  private static NetworkAnalysis analysis() throws Exception {
    return Analyzer.analyze(SpecLoader.load(RUN.resolve("spec/googlenet-fashion.yaml")));
  }

  private static void check(Block network) throws Exception {
    try (NDManager manager = NDManager.newBaseManager();
        Model model = Model.newInstance("compat")) {
      model.setBlock(network);
      network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(BATCH, 1, 28, 28));
      try (InputStream in = Files.newInputStream(RUN.resolve("best.params"))) {
        model.load(in);
      }
      NDArray logits = network.forward(new ParameterStore(manager, false), new NDList(input(manager)), false)
          .singletonOrThrow();
      assertEquals(new Shape(BATCH, 10), logits.getShape());
      float[] actual = logits.toFloatArray();
      if (Boolean.getBoolean("netspec.record")) {
        List<String> lines = new ArrayList<>();
        for (float value : actual) {
          lines.add(String.format(Locale.ROOT, "%.9g", value));
        }
        Files.write(REFERENCE, lines, StandardCharsets.UTF_8);
      }
      List<String> lines = Files.readAllLines(REFERENCE, StandardCharsets.UTF_8);
      assertEquals(actual.length, lines.size());
      double scale = 0;
      for (String line : lines) {
        scale = Math.max(scale, Math.abs(Double.parseDouble(line)));
      }
      assertTrue(scale > 0.01, "the recorded logits are not all near zero");
      for (int i = 0; i < actual.length; i++) {
        double expected = Double.parseDouble(lines.get(i));
        assertEquals(expected, actual[i], TOLERANCE * Math.max(1, scale), "logit " + i);
      }
    }
  }

  /** Three fixed 28x28 images, a smooth pattern per image, about as the training data is normalised. */
  private static NDArray input(NDManager manager) {
    float[] pixels = new float[BATCH * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      int image = i / (28 * 28);
      pixels[i] = (float) Math.sin(0.05 * i * (image + 1) + image) * 1.5f;
    }
    return manager.create(pixels, new Shape(BATCH, 1, 28, 28));
  }
}
