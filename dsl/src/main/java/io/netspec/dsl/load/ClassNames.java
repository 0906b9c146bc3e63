package io.netspec.dsl.load;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The generated class's name from a spec's file name: PascalCase of the name without {@code .yaml}, each part
 * between {@code -} and {@code _} starting upper case ({@code googlenet-fashion.yaml} → {@code GooglenetFashion}).
 */
final class ClassNames {

  private static final String EXTENSION = ".yaml";
  private static final Pattern BASE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private ClassNames() {}

  /** The class name, if the file name gives one: letters, digits, '-' and '_', a letter first, and .yaml. */
  static Optional<String> of(String fileName) {
    if (!fileName.endsWith(EXTENSION)) {
      return Optional.empty();
    }
    String base = fileName.substring(0, fileName.length() - EXTENSION.length());
    if (!BASE_NAME.matcher(base).matches()) {
      return Optional.empty();
    }
    StringBuilder name = new StringBuilder();
    for (String part : base.split("[-_]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
      }
    }
    return Optional.of(name.toString());
  }
}
