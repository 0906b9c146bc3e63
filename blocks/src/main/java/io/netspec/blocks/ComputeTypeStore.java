package io.netspec.blocks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;

/**
 * The parameter store one mixed-precision forward pass of a {@link NetworkBlock} hands its rows: the values of
 * another store, with the weights and biases (DJL's {@link Parameter.Type#WEIGHT} and
 * {@link Parameter.Type#BIAS}: those of convolutions and linear layers) cast to the compute type. The cast is
 * recorded for the backward pass ({@link EngineCasts}), so in training the gradient of the cast value flows back
 * to the FP32 parameter, which the optimizer updates; BatchNorm's parameters and running statistics are handed on as they are, in FP32.
 *
 * <p>Each parameter is cast once per pass; the casts belong to a manager of the pass, freed by {@link #close}
 * once the pass is over (what the backward pass needs of them, the engine keeps).
 */
final class ComputeTypeStore extends ParameterStore implements AutoCloseable {

  private final ParameterStore values;
  private final DataType computeType;
  private final NDManager casts;
  private final Map<String, NDArray> cast = new HashMap<>();

  /**
   * @param values the store whose values to cast
   * @param computeType the type the weights and biases are read in
   * @param pass a manager that lives as long as the forward pass's arrays (the input's)
   */
  ComputeTypeStore(ParameterStore values, DataType computeType, NDManager pass) {
    super(values.getManager(), false);
    this.values = values;
    this.computeType = computeType;
    this.casts = pass.newSubManager();
  }

  @Override
  public NDArray getValue(Parameter parameter, Device device, boolean training) {
    NDArray value = values.getValue(parameter, device, training);
    if (value == null || !castsTo(parameter.getType()) || computeType == DataType.FLOAT32
        || value.getDataType() != DataType.FLOAT32) {
      return value;
    }
    return cast.computeIfAbsent(parameter.getId() + '@' + device, id -> {
      NDArray converted = EngineCasts.to(value, computeType, training);
      converted.attach(casts);
      return converted;
    });
  }

  private static boolean castsTo(Parameter.Type type) {
    return type == Parameter.Type.WEIGHT || type == Parameter.Type.BIAS;
  }

  @Override
  public NDManager getManager() {
    return values.getManager();
  }

  @Override
  public void setParameterServer(ParameterServer parameterServer, Device[] devices) {
    values.setParameterServer(parameterServer, devices);
  }

  @Override
  public void updateAllParameters() {
    values.updateAllParameters();
  }

  @Override
  public void sync() {
    values.sync();
  }

  /** Frees this pass's casts. */
  @Override
  public void close() {
    casts.close();
  }
}
