package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SourceLocation;
import java.util.Optional;

/**
 * One row of a {@code layers} list as written, before binding. A row inherited from a parent keeps its
 * location in the parent file, also when a variant's {@code change} merges keys into it.
 */
record RowNode(SourceLocation location, Mapping fields) {

  /** The row's name as written, if it has one that is text. */
  Optional<String> name() {
    return fields.get("name").flatMap(Field::scalar);
  }

  RowNode changedBy(Mapping changes) {
    return new RowNode(location, fields.with(changes));
  }
}
