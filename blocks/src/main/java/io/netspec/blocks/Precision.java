package io.netspec.blocks;

import ai.djl.ndarray.types.DataType;

/**
 * The number format a {@link NetworkBlock} computes in ({@link NetworkBlock#setPrecision}).
 *
 * <p>{@link #BF16} is mixed precision as PyTorch's autocast does it: the parameters stay FP32 (the master
 * weights an optimizer updates); each forward pass reads the input, the weights and the biases of the
 * convolutions and linear layers as bfloat16 through a cast that passes the gradient back to the FP32
 * parameter, so the convolutions and matrix products run in bfloat16; BatchNorm reads its scale, shift and
 * running statistics in FP32 and keeps the statistics in FP32; the logits come back as FP32, so the loss and
 * the softmax are computed in FP32. Max and average pools, ReLU, dropout and concatenation run in the
 * activations' format, bfloat16; local response normalisation and the adaptive average pool compute in FP32 and
 * hand bfloat16 on. Casts go through {@code EngineCasts}, as DJL 0.36 has none that records a gradient. It
 * pays only where the processor has bfloat16 arithmetic; elsewhere libtorch emulates it, slowly.
 */
public enum Precision {
  /** 32-bit floats throughout. */
  FP32(DataType.FLOAT32),
  /** Convolutions and matrix products in bfloat16, parameters, BatchNorm statistics and logits in FP32. */
  BF16(DataType.BFLOAT16);

  private final DataType computeType;

  Precision(DataType computeType) {
    this.computeType = computeType;
  }

  /**
   * The format activations, and the weights as the convolutions and linear layers read them, take.
   *
   * @return the data type
   */
  public DataType computeType() {
    return computeType;
  }
}
