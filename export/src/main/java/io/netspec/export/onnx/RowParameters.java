package io.netspec.export.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of one spec row, read from a DJL network in the order DJL lists them, each checked by its DJL
 * name ({@code weight}, {@code bias}, {@code gamma}, {@code beta}, {@code runningMean}, {@code runningVar}) and
 * shape as the exporter asks for it. The names and their order are the contract of the generated networks and
 * the interpreter (docs/generated-code.md): a row is the network's child named after it, a convolution unit
 * lists its weight, its bias, then its batch normalisation's four arrays, a reduction before the convolution it
 * feeds, the Inception branches in the table's order, a linear row its weight then its bias. The classes of
 * the blocks play no part.
 */
final class RowParameters {

  private final String row;
  private final List<Pair<String, Parameter>> parameters;
  private int next;

  private RowParameters(String row, List<Pair<String, Parameter>> parameters) {
    this.row = row;
    this.parameters = parameters;
  }

  /**
   * The parameters of the network's child named {@code row} (DJL puts an index before each child's name).
   *
   * @throws ExportException if the network has no such child
   */
  static RowParameters of(Block network, String row) throws ExportException {
    for (Pair<String, Block> child : network.getChildren()) {
      if (child.getKey().replaceFirst("^\\d+", "").equals(row)) {
        return new RowParameters(row, child.getValue().getParameters().stream().toList());
      }
    }
    throw new ExportException("the network has no block for row " + row);
  }

  /**
   * The next parameter, which must be named {@code name} and have the shape {@code dims}.
   *
   * @return its values, row-major
   * @throws ExportException if it is missing, or named or shaped otherwise
   */
  float[] take(String name, long... dims) throws ExportException {
    if (next == parameters.size()) {
      throw new ExportException("row " + row + ": parameter " + name + " " + Arrays.toString(dims)
          + " expected, but the row has no more parameters");
    }
    Pair<String, Parameter> parameter = parameters.get(next++);
    String key = parameter.getKey();
    String found = key.substring(key.lastIndexOf('_') + 1);
    if (!parameter.getValue().isInitialized()) {
      throw new ExportException("row " + row + ": parameter " + key + " is not initialized");
    }
    NDArray array = parameter.getValue().getArray();
    long[] shape = array.getShape().getShape();
    if (!found.equals(name) || !Arrays.equals(shape, dims)) {
      throw new ExportException("row " + row + ": parameter " + name + " " + Arrays.toString(dims)
          + " expected, found " + key + " " + Arrays.toString(shape));
    }
    return array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
  }

  /**
   * Checks that every parameter of the row was taken.
   *
   * @throws ExportException if one is left
   */
  void finish() throws ExportException {
    if (next < parameters.size()) {
      throw new ExportException("row " + row + ": parameter " + parameters.get(next).getKey()
          + " is not part of the row as its spec describes it");
    }
  }
}
