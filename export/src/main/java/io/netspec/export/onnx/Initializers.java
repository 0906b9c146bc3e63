package io.netspec.export.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.tensors.NamedTensor;
import io.netspec.dsl.tensors.TensorNames;
import io.netspec.exchange.NamedParameters;
import io.netspec.exchange.TensorBinding;
import io.netspec.exchange.WeightsException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of the ONNX initializers: a DJL network's parameters under the spec's tensor names
 * ({@link TensorNames}), bound by {@link NamedParameters} as the safetensors export binds them, so that both
 * formats name and check parameters by one rule. Each is taken once, by its name, at the shape the exporter
 * computes; {@link #finish()} checks that the graph took every parameter of the main path.
 */
final class Initializers {

  private final Map<String, TensorBinding> mainPath = new LinkedHashMap<>();
  private final Set<String> taken = new HashSet<>();

  private Initializers(List<TensorBinding> bindings) {
    for (TensorBinding binding : bindings) {
      if (!binding.tensor().auxiliary()) { // auxiliary classifiers are for training, not in the graph
        mainPath.put(binding.tensor().name(), binding);
      }
    }
  }

  /**
   * Binds the parameters of {@code network}, built from {@code spec} for {@code classes} classes.
   *
   * @throws ExportException if the network is not initialised, or its parameters are not those the spec names
   */
  static Initializers of(NetworkSpec spec, Block network, int classes) throws ExportException {
    if (!network.isInitialized()) {
      throw new ExportException(spec.className() + ": the network's parameters are not initialized");
    }
    List<NamedTensor> tensors;
    try {
      tensors = TensorNames.of(spec, classes);
    } catch (SpecException e) {
      throw new ExportException(e.getMessage());
    }
    try {
      return new Initializers(NamedParameters.bind(spec.className(), network, tensors).bindings());
    } catch (WeightsException e) {
      throw new ExportException(e.getMessage());
    }
  }

  /**
   * The values of the parameter named {@code name}, which must have the shape {@code dims}.
   *
   * @return its values, row-major
   * @throws ExportException if the network has no such parameter, or one of another shape
   */
  float[] take(String name, long... dims) throws ExportException {
    TensorBinding binding = mainPath.get(name);
    if (binding == null) {
      throw new ExportException("parameter " + name + " " + Arrays.toString(dims)
          + " expected, but the network has none of that name");
    }
    NDArray array = binding.parameter().getArray();
    long[] shape = array.getShape().getShape();
    if (!Arrays.equals(shape, dims)) {
      throw new ExportException("parameter " + name + " " + Arrays.toString(dims) + " expected, found "
          + binding.djlName() + " " + Arrays.toString(shape));
    }
    taken.add(name);
    return array.toType(DataType.FLOAT32, false).toFloatArray();
  }

  /**
   * Checks that the graph took every parameter of the main path.
   *
   * @throws ExportException if one is left
   */
  void finish() throws ExportException {
    for (String name : mainPath.keySet()) {
      if (!taken.contains(name)) {
        throw new ExportException("parameter " + name + " (" + mainPath.get(name).djlName()
            + ") is not part of the exported graph");
      }
    }
  }
}
