package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;

/** One entry of {@code auxiliary_classifiers} as written: its keys, and its rows if they form a list. */
record AuxNode(SourceLocation location, Mapping fields, Optional<List<RowNode>> layers) {

  AuxNode {
    layers = layers.map(List::copyOf);
  }
}
