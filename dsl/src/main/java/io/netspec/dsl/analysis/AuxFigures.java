package io.netspec.dsl.analysis;

import io.netspec.dsl.spec.AuxClassifier;
import java.util.List;

/** The analysis of one auxiliary classifier: the shape it reads and its rows. */
public record AuxFigures(AuxClassifier classifier, TensorShape input, List<RowFigures> rows) {

  public AuxFigures {
    rows = List.copyOf(rows);
  }

  public long trainableParams() {
    return rows.stream().mapToLong(RowFigures::trainableParams).sum();
  }

  public TensorShape output() {
    return rows.isEmpty() ? input : rows.get(rows.size() - 1).output();
  }
}
