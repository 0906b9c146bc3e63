package io.netspec.runtime.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Enum-valued options of every command take and show their values in lower case, as the docs write them
 * ({@code --optimizer adam}): the completion candidates (shell completion, {@code ${COMPLETION-CANDIDATES}}) and
 * the conversion error ({@code expected one of [sgd, adam] but was 'rmsprop'}). Options with a converter of
 * their own keep it.
 */
final class LowerCaseEnums {

  private LowerCaseEnums() {}

  /** Applies the rule to {@code command} and all its subcommands. */
  static void apply(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    List<OptionSpec> options = new ArrayList<>(spec.options());
    if (options.stream().anyMatch(LowerCaseEnums::needsRebuild)) {
      // re-added in their order, so that the help lists them as before
      options.forEach(spec::remove);
      for (OptionSpec option : options) {
        spec.addOption(needsRebuild(option)
            ? option.toBuilder().completionCandidates(names(option)).converters(converter(option)).build()
            : option);
      }
    }
    List<PositionalParamSpec> positionals = new ArrayList<>(spec.positionalParameters());
    if (positionals.stream().anyMatch(LowerCaseEnums::needsRebuild)) {
      positionals.forEach(spec::remove);
      for (PositionalParamSpec positional : positionals) {
        spec.addPositional(needsRebuild(positional)
            ? positional.toBuilder().completionCandidates(names(positional)).converters(converter(positional))
                .build()
            : positional);
      }
    }
    command.getSubcommands().values().forEach(LowerCaseEnums::apply);
  }

  /** The value a user types for {@code constant}. */
  static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static boolean needsRebuild(ArgSpec option) {
    return option.type().isEnum() && (option.converters() == null || option.converters().length == 0);
  }

  private static List<String> names(ArgSpec arg) {
    return Arrays.stream(arg.type().getEnumConstants()).map(c -> name((Enum<?>) c)).toList();
  }

  private static CommandLine.ITypeConverter<Object> converter(ArgSpec arg) {
    Object[] constants = arg.type().getEnumConstants();
    List<String> names = names(arg);
    return text -> {
      String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (Object constant : constants) {
        if (name((Enum<?>) constant).equals(wanted)) {
          return constant;
        }
      }
      throw new TypeConversionException("expected one of " + names + " but was '" + text + "'");
    };
  }
}
