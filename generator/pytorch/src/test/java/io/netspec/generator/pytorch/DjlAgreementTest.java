package io.netspec.generator.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.netspec.dsl.python.DebianPython;
import io.netspec.dsl.spec.InputShape;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.tensors.TensorNames;
import io.netspec.exchange.NamedParameters;
import io.netspec.exchange.SafetensorsWeights;
import io.netspec.exchange.TensorBinding;
import io.netspec.generator.FuzzedSpecs;
import io.netspec.interpreter.InterpretedNetwork;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated PyTorch module computes what the DJL network computes: for every shipped spec and a few fuzzed
 * ones, the DJL network (the interpreter's, the same as the generated class) gets seeded weights and BatchNorm
 * statistics, is exported with the safetensors export (exchange), and the generated module, loading that file
 * under its state_dict names, gives the same inference logits on the same batch: max |difference| at most 1e-4.
 * LRN, ceil-mode and padded pools, adaptive pools, BatchNorm's epsilon and the flatten order all take part.
 */
class DjlAgreementTest {

  private static final double TOLERANCE = 1e-4;
  private static final int BATCH = 2;

  @TempDir
  Path folder;

  @Test
  void generatedModulesGiveTheDjlNetworksLogits() throws Exception {
    DebianPython.assumeTorch();
    List<PytorchSpec> specs = new ArrayList<>();
    for (Path file : GeneratedModules.shippedSpecs()) {
      specs.add(GeneratedModules.load(file));
    }
    for (long seed : StateDictNamesTest.FUZZ_SEEDS) {
      Path file = folder.resolve("fuzz" + seed + ".yaml");
      Files.writeString(file, FuzzedSpecs.yaml(seed));
      specs.add(GeneratedModules.load(file));
    }
    GeneratedModules.write(PytorchGenerator.generateAll(specs), folder);
    try (InputStream script = getClass().getResourceAsStream("/logits_from_weights.py")) {
      Files.write(folder.resolve("logits_from_weights.py"), script.readAllBytes());
    }

    Map<String, float[]> djlLogits = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      for (PytorchSpec spec : specs) {
        djlLogits.put(PytorchGenerator.moduleName(spec), exportAndRun(spec, manager));
      }
      List<String> arguments = new ArrayList<>(List.of("logits_from_weights.py"));
      arguments.addAll(djlLogits.keySet());
      DebianPython.run(arguments, folder);

      List<String> report = new ArrayList<>();
      for (Map.Entry<String, float[]> expected : djlLogits.entrySet()) {
        float[] actual;
        try (InputStream in = Files.newInputStream(folder.resolve(expected.getKey() + ".logits.safetensors"))) {
          actual = NDList.decode(manager, in).singletonOrThrow().toFloatArray();
        }
        assertTrue(actual.length == expected.getValue().length, expected.getKey() + ": logits' count");
        double largest = 0;
        double scale = 0;
        for (int i = 0; i < actual.length; i++) {
          largest = Math.max(largest, Math.abs(actual[i] - expected.getValue()[i]));
          scale = Math.max(scale, Math.abs(expected.getValue()[i]));
        }
        report.add(String.format("%s: max |PyTorch - DJL| = %.3g, logits up to %.3g", expected.getKey(), largest,
            scale));
        assertArrayEquals(expected.getValue(), actual, (float) TOLERANCE, expected.getKey());
      }
      System.out.println(String.join("\n", report));
    }
  }

  /** Builds the DJL network, gives it seeded values, exports them and its input, returns its logits. */
  private float[] exportAndRun(PytorchSpec spec, NDManager manager) throws Exception {
    NetworkSpec network = spec.analysis().spec();
    String name = PytorchGenerator.moduleName(spec);
    InputShape in = network.input();
    Shape shape = new Shape(BATCH, in.channels(), in.height(), in.width());
    Engine.getInstance().setRandomSeed(7);
    InterpretedNetwork djl = InterpretedNetwork.builder(network).build();
    djl.initialize(manager, DataType.FLOAT32, shape);
    NamedParameters parameters = NamedParameters.bind(name, djl, TensorNames.of(spec.analysis()));
    Random random = new Random(name.hashCode());
    for (TensorBinding binding : parameters.bindings()) {
      perturb(binding, random);
    }
    SafetensorsWeights.write(parameters, folder.resolve(name + ".weights.safetensors"));

    float[] values = new float[(int) shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    NDArray input = manager.create(values, shape);
    input.setName("input");
    try (OutputStream out = Files.newOutputStream(folder.resolve(name + ".input.safetensors"))) {
      new NDList(input).encode(out, NDList.Encoding.SAFETENSORS);
    }
    NDList logits = djl.forward(new ParameterStore(manager, false), new NDList(input), false);
    return logits.head().toFloatArray();
  }

  /**
   * Biases and BatchNorm's scale, shift and running statistics get values away from their initial 0 and 1, so
   * that a tensor read into the wrong place shows; weights keep DJL's seeded initialisation.
   */
  private static void perturb(TensorBinding binding, Random random) {
    String name = binding.tensor().name();
    NDArray array = binding.parameter().getArray();
    float[] values = array.toFloatArray();
    for (int i = 0; i < values.length; i++) {
      if (name.endsWith("bn.weight") || name.endsWith("running_var")) {
        values[i] = 0.5f + random.nextFloat();
      } else if (name.endsWith("bias") || name.endsWith("running_mean")) {
        values[i] = 0.2f * (random.nextFloat() - 0.5f);
      }
    }
    array.set(values);
  }
}
