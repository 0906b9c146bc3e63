package io.netspec.generator;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for spec names: packages from class names, lowerCamelCase members from lower_snake_case rows,
 * kept clear of the names a generated class already uses or inherits.
 */
final class JavaNames {

  private final Set<String> taken;

  private JavaNames(Set<String> reserved) {
    this.taken = new HashSet<>(reserved);
  }

  /** An allocator that never hands out any of {@code reserved}, nor the same name twice. */
  static JavaNames reserving(Set<String> reserved) {
    return new JavaNames(reserved);
  }

  /**
   * The member name for a row: {@code inception_3a} becomes {@code inception3a}. A name that is taken gets
   * the suffix {@code Row}, then a number.
   */
  String member(String rowName) {
    String base = lowerCamel(rowName);
    String name = base;
    if (taken.contains(name)) {
      name = base + "Row";
    }
    for (int n = 2; taken.contains(name); n++) {
      name = base + "Row" + n;
    }
    taken.add(name);
    return name;
  }

  /** {@code inception_3a} to {@code inception3a}, {@code fc_out} to {@code fcOut}. */
  static String lowerCamel(String snake) {
    requireIdentifier(snake, "row name");
    StringBuilder out = new StringBuilder(snake.length());
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    String name = out.length() == 0 ? "row" : out.toString();
    return SourceVersion.isKeyword(name) ? name + "Row" : name;
  }

  /** The package of one spec: the base package and the class name in lower case. */
  static String specPackage(String basePackage, String className) {
    requireClassName(className);
    String specPackage = basePackage + "." + className.toLowerCase(Locale.ROOT);
    requirePackage(specPackage);
    return specPackage;
  }

  static void requirePackage(String packageName) {
    if (!SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
    }
  }

  static void requireClassName(String className) {
    if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)
        || !Character.isUpperCase(className.charAt(0))) {
      throw new IllegalArgumentException("not a Java class name: '" + className + "'");
    }
  }

  private static void requireIdentifier(String name, String what) {
    if (!SourceVersion.isIdentifier(name)) {
      throw new IllegalArgumentException("not a Java-safe " + what + ": '" + name + "'");
    }
  }
}
