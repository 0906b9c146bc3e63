package io.netspec.dsl.tensors;

import java.util.List;
import java.util.Objects;

/**
 * One tensor of a network under the name it carries outside DJL, e.g. {@code inception3a.branch2.0.bn.running_mean}.
 *
 * @param owner the top-level row or auxiliary classifier it belongs to, e.g. {@code inception3a} or {@code aux1}
 * @param auxiliary whether the owner is an auxiliary classifier
 * @param name the full name, {@code owner.}-prefixed
 * @param shape its dimensions, outermost first; empty for a scalar
 * @param type its element type
 */
public record NamedTensor(String owner, boolean auxiliary, String name, List<Long> shape, TensorType type) {

  public NamedTensor {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    shape = List.copyOf(shape);
    Objects.requireNonNull(type, "type");
  }

  /**
   * Whether netspec's networks hold this tensor as a parameter. BatchNorm's {@code num_batches_tracked} is
   * written on export (as 0) and ignored on import.
   */
  public boolean isParameter() {
    return type == TensorType.FLOAT32;
  }

  /** The shape as {@code [64, 3, 7, 7]}, as error messages and PyTorch print it. */
  public String shapeText() {
    return shape.toString();
  }

  /** The number of elements. */
  public long size() {
    long size = 1;
    for (long dimension : shape) {
      size *= dimension;
    }
    return size;
  }
}
