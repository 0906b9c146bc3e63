package io.netspec.runtime.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli's types do not make, reported as usage errors (exit code 2). */
final class Options {

  private Options() {}

  /** Fails with a usage error unless {@code value} is at least 1. */
  static void requirePositive(CommandSpec spec, String option, int value) {
    if (value < 1) {
      throw new ParameterException(spec.commandLine(), option + " must be at least 1, not " + value);
    }
  }
}
