package io.netspec.dsl.tensors;

/** The element type of a named tensor, with the name the safetensors format gives it. */
public enum TensorType {
  /** Weights, biases, batch normalisation scale, shift and running statistics. */
  FLOAT32("F32"),
  /** BatchNorm's {@code num_batches_tracked} counter, a scalar that netspec's networks do not keep. */
  INT64("I64");

  private final String safetensorsName;

  TensorType(String safetensorsName) {
    this.safetensorsName = safetensorsName;
  }

  /** The {@code dtype} a safetensors header writes for this type: {@code F32}, {@code I64}. */
  public String safetensorsName() {
    return safetensorsName;
  }
}
