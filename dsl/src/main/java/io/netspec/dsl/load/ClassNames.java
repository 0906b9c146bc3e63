package io.netspec.dsl.load;

import java.lang.reflect.Modifier;
import java.util.Locale;
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

  /**
   * Why the generated code cannot use {@code className}, if it cannot: its package (the class name in lower
   * case, {@code Class} → {@code class}) would be a Java keyword, or the class would hide a type of
   * {@code java.lang}, which every generated source uses without importing it ({@code String},
   * {@code Override}).
   *
   * @return the reason, completing "the file name '...' gives"
   */
  static Optional<String> unusable(String className) {
    String packageName = className.toLowerCase(Locale.ROOT);
    if (NameRules.reserved(packageName)) {
      return Optional.of("package '" + packageName + "', a Java keyword or literal");
    }
    return javaLangType(className)
        .map(type -> "class " + className + ", which would hide " + type + " in the generated code");
  }

  /** The public type {@code java.lang.<simpleName>} of the running Java, if there is one. */
  private static Optional<String> javaLangType(String simpleName) {
    try {
      Class<?> type = Class.forName("java.lang." + simpleName, false, null); // not initialised
      return Modifier.isPublic(type.getModifiers()) ? Optional.of(type.getName()) : Optional.empty();
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }
}
