package io.netspec.dsl.analysis;

import io.netspec.dsl.spec.Layer;

/**
 * What the analysis computed for one row, in the table's columns.
 *
 * @param layer the row
 * @param input the shape it reads
 * @param output the shape it produces
 * @param depth the number of convolutional (or linear) layers in the row
 * @param weights weights only, as the table's params column counts them
 * @param biases bias terms
 * @param normParams batch normalisation scale and shift (trainable; running statistics are not counted)
 * @param ops multiply-adds for one example: weights times the output positions they are applied at
 */
public record RowFigures(
    Layer layer, TensorShape input, TensorShape output, int depth, long weights, long biases,
    long normParams, long ops) {

  /** Every parameter a training step updates: weights, biases, batch normalisation scale and shift. */
  public long trainableParams() {
    return weights + biases + normParams;
  }
}
