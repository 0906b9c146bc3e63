package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /**
   * This row with a variant's {@code change} applied: the keys merged into the row's, or, when the change gives
   * another {@code type}, the row's keys replaced by the change's (only its name kept), since the old type's
   * keys mean nothing to the new one.
   */
  RowNode changedBy(Mapping changes) {
    Optional<String> newType = changes.get("type").flatMap(Field::scalar);
    boolean retyped = newType.isPresent() && !newType.equals(fields.get("type").flatMap(Field::scalar));
    if (!retyped) {
      return new RowNode(location, fields.with(changes));
    }
    Map<String, Field> nameOnly = new LinkedHashMap<>();
    fields.get("name").ifPresent(name -> nameOnly.put("name", name));
    return new RowNode(location, new Mapping(fields.location(), nameOnly).with(changes));
  }
}
