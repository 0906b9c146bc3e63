package io.netspec.dsl.load;

/** One entry of a variant's {@code change}: the row it names ({@code target}'s key) and the keys to merge. */
record RowChange(Field target, Mapping keys) {}
