package io.netspec.dsl.load;

import io.netspec.dsl.spec.Layer;
import java.util.List;

/**
 * One value of a row's {@code type}: the keys such a row may have (besides {@code name}, {@code type} and
 * {@code paper}) and how they become a {@link Layer}. The implementations are listed in {@link RowTypes}.
 */
interface RowType {

  /** The type as specs write it, e.g. {@code convolution}. */
  String name();

  /** The keys specific to this type. */
  List<String> keys();

  /**
   * Reads the row's keys. Mistakes go to the row's problems; the layer returned then holds placeholders
   * and is dropped by the caller.
   */
  Layer bind(RowReader row, RowContext context);
}
