package io.netspec.dsl.analysis;

import io.netspec.dsl.spec.NetworkSpec;
import java.util.List;
import java.util.Optional;

/** Shapes, parameters and operations of every row of a spec, and their totals. */
public record NetworkAnalysis(
    NetworkSpec spec, TensorShape input, List<RowFigures> rows, List<AuxFigures> auxClassifiers) {

  public NetworkAnalysis {
    rows = List.copyOf(rows);
    auxClassifiers = List.copyOf(auxClassifiers);
  }

  public Optional<RowFigures> row(String name) {
    return rows.stream().filter(r -> r.layer().name().equals(name)).findFirst();
  }

  /** The main path's output, one score per class. */
  public TensorShape output() {
    return rows.isEmpty() ? input : rows.get(rows.size() - 1).output();
  }

  /** Weights of the main path, as the table's params column sums them. */
  public long weights() {
    return rows.stream().mapToLong(RowFigures::weights).sum();
  }

  /** Multiply-adds of one forward pass through the main path. */
  public long ops() {
    return rows.stream().mapToLong(RowFigures::ops).sum();
  }

  /** Trainable parameters of the main path, and of the auxiliary classifiers if asked for. */
  public long trainableParams(boolean withAuxClassifiers) {
    long main = rows.stream().mapToLong(RowFigures::trainableParams).sum();
    if (!withAuxClassifiers) {
      return main;
    }
    return main + auxClassifiers.stream().mapToLong(AuxFigures::trainableParams).sum();
  }
}
