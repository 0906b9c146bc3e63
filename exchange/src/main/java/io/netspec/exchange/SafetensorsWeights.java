package io.netspec.exchange;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.netspec.dsl.tensors.NamedTensor;
import io.netspec.dsl.tensors.TensorType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's parameters as a safetensors file, under the spec's tensor names: written with DJL's own
 * safetensors codec ({@link NDList#encode(OutputStream, NDList.Encoding)}), read back with
 * {@link NDList#decode(NDManager, InputStream)} after the header has been checked against the network.
 *
 * <p>Writing goes to a temporary file beside the target, moved over it when complete: never a half-written
 * file. Reading checks every name, type and shape before it changes any parameter: a file that does not fit
 * leaves the network as it was.
 */
public final class SafetensorsWeights {

  private SafetensorsWeights() {}

  /**
   * Writes the parameters to {@code file}, replacing it: every tensor of {@link NamedParameters#tensors()},
   * BatchNorm's {@code num_batches_tracked} as 0.
   *
   * @throws WeightsException if the file cannot be written; nothing is left at {@code file} then
   */
  public static void write(NamedParameters parameters, Path file) throws WeightsException {
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = null;
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      NDList tensors = new NDList();
      Map<String, TensorBinding> bound = new HashMap<>();
      parameters.bindings().forEach(binding -> bound.put(binding.tensor().name(), binding));
      for (NamedTensor tensor : parameters.tensors()) {
        NDArray array;
        if (tensor.type() == TensorType.INT64) {
          array = manager.create(0L);
        } else {
          NDArray values = bound.get(tensor.name()).parameter().getArray();
          array = manager.create(values.toFloatArray(), values.getShape());
        }
        array.setName(tensor.name());
        tensors.add(array);
      }
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, "." + file.getFileName(), ".part");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
        tensors.encode(out, NDList.Encoding.SAFETENSORS);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temporary = null;
    } catch (IOException e) {
      throw new WeightsException(file + ": cannot be written (" + e.getMessage() + ")", e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /**
   * Sets the parameters to the tensors of {@code file}. The file must hold every tensor of
   * {@link NamedParameters#tensors()} with its type and shape, and no other, but for those of auxiliary
   * classifiers the network was built without (ignored) ; {@code num_batches_tracked} is read but ignored.
   *
   * @throws WeightsException naming the first tensor that is missing, extra, or of another type or shape (with
   *     both shapes), or if the file is cut short or no safetensors file; the parameters are unchanged then
   */
  public static void read(Path file, NamedParameters parameters) throws WeightsException {
    SafetensorsHeader header = SafetensorsHeader.read(file);
    check(file, header, parameters);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu());
        InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Map<String, NDArray> arrays = new HashMap<>();
      for (NDArray array : NDList.decode(manager, in)) {
        arrays.put(array.getName(), array);
      }
      for (TensorBinding binding : parameters.bindings()) {
        binding.parameter().getArray().set(arrays.get(binding.tensor().name()).toFloatArray());
      }
    } catch (IOException | RuntimeException e) {
      throw new WeightsException(file + ": cannot be read as safetensors (" + e.getMessage() + ")", e);
    }
  }

  private static void check(Path file, SafetensorsHeader header, NamedParameters parameters)
      throws WeightsException {
    String network = "network " + parameters.network();
    List<NamedTensor> expected = parameters.tensors();
    for (NamedTensor tensor : expected) {
      SafetensorsHeader.Entry entry = header.tensors().get(tensor.name());
      if (entry == null) {
        throw new WeightsException(file + ": has no tensor '" + tensor.name() + "', which " + network
            + " has with shape " + tensor.shapeText() + " (is it the file of another network?)");
      }
      if (!entry.shape().equals(tensor.shape())) {
        throw new WeightsException(file + ": tensor '" + tensor.name() + "' has shape " + entry.shape()
            + " in the file, " + tensor.shapeText() + " in " + network);
      }
      if (!entry.dtype().equals(tensor.type().safetensorsName())) {
        throw new WeightsException(file + ": tensor '" + tensor.name() + "' is " + entry.dtype()
            + " in the file, " + tensor.type().safetensorsName() + " in " + network);
      }
    }
    List<String> names = expected.stream().map(NamedTensor::name).toList();
    for (Map.Entry<String, SafetensorsHeader.Entry> entry : header.tensors().entrySet()) {
      if (!names.contains(entry.getKey()) && !parameters.isLeftOut(entry.getKey())) {
        throw new WeightsException(file + ": tensor '" + entry.getKey() + "' (shape " + entry.getValue().shape()
            + ") is no tensor of " + network + " (is it the file of another network?)");
      }
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary != null) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // the write failed already; that failure is the one reported
      }
    }
  }
}
