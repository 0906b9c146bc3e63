package io.netspec.runtime.weights;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.tensors.TensorNames;
import io.netspec.exchange.NamedParameters;
import io.netspec.exchange.SafetensorsWeights;
import io.netspec.exchange.WeightsException;
import io.netspec.runtime.models.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A network's parameters in a safetensors file, under its spec's tensor names: what {@code netspec export
 * --format safetensors} writes and what {@code train}, {@code eval} and {@code predict} read with
 * {@code --weights FILE.safetensors}.
 */
public final class WeightsFile {

  /** The file name ending of a safetensors file. */
  public static final String SUFFIX = ".safetensors";

  private WeightsFile() {}

  /** Whether {@code file} is named as a safetensors file. */
  public static boolean isSafetensors(Path file) {
    return file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX);
  }

  /**
   * The parameters of {@code network} bound to its spec's tensor names for its class count. An uninitialised
   * network is initialised first, on the CPU, with arrays that live as long as the process: training on another
   * device copies them there as it copies parameters loaded from a run.
   */
  public static NamedParameters namedParameters(Network network) throws IOException, SpecException, WeightsException {
    if (!network.block().isInitialized()) {
      network.initialize(NDManager.newBaseManager(Device.cpu()));
    }
    return NamedParameters.bind(network.type().name(), network.block(),
        TensorNames.of(network.type().spec(), network.classes()));
  }

  /** Writes the network's parameters to {@code file}, atomically. */
  public static void export(Network network, Path file) throws IOException, SpecException, WeightsException {
    SafetensorsWeights.write(namedParameters(network), file);
  }

  /**
   * Sets the network's parameters to those of {@code file}, refusing a file that does not fit the network.
   *
   * @throws NoSuchFileException if there is no such file
   * @throws WeightsException if it is not a safetensors file, is cut short or does not fit, naming the first
   *     tensor that differs with both shapes
   */
  public static void load(Path file, Network network) throws IOException, SpecException, WeightsException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such weights file");
    }
    if (!isSafetensors(file)) {
      throw new WeightsException(file + ": not a weights file netspec reads here; give a " + SUFFIX + " file");
    }
    SafetensorsWeights.read(file, namedParameters(network));
  }
}
