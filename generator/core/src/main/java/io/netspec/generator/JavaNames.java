package io.netspec.generator;

import io.netspec.dsl.load.ClassNames;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The members of one generated class: lowerCamelCase names of lower_snake_case rows (the rule of
 * {@link ClassNames#accessorName}), kept clear of the names the class already uses or inherits.
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

  /** {@code inception_3a} to {@code inception3a}, {@code fc_out} to {@code fcOut}, by the loader's rule. */
  static String lowerCamel(String snake) {
    if (!SourceVersion.isIdentifier(snake)) {
      throw new IllegalArgumentException("not a Java-safe row name: '" + snake + "'");
    }
    String name = ClassNames.accessorName(snake);
    name = name.isEmpty() ? "row" : name;
    return SourceVersion.isKeyword(name) ? name + "Row" : name;
  }
}
