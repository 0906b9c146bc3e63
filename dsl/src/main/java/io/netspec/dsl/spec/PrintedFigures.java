package io.netspec.dsl.spec;

import java.util.Optional;

/**
 * The params and ops that the paper's table prints for a row, kept verbatim ({@code 2.7K}, {@code 34M}) so
 * a summary can show them beside the computed ones. Not inherited by a spec that extends another.
 */
public record PrintedFigures(Optional<String> params, Optional<String> ops) {}
