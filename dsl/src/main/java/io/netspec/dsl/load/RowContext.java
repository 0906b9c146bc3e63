package io.netspec.dsl.load;

/** What binding a row needs beyond the row: the spec's defaults and its number of classes. */
record RowContext(Defaults defaults, int classes) {}
