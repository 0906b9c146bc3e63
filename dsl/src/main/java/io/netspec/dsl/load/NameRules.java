package io.netspec.dsl.load;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for row and classifier names: lower_snake_case ({@code [a-z][a-z0-9_]*}), at most
 * {@value #MAX_LENGTH} characters, and neither the name nor the lowerCamelCase accessor the generator makes of
 * it ({@code inception_3a} → {@code inception3a}) a Java keyword or literal.
 */
final class NameRules {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * The longest name. A name becomes an identifier and a string constant of the generated code and a column of
   * the summary; Java bounds both (65535 bytes in a class file), and names of the table are a dozen long.
   */
  static final int MAX_LENGTH = 64;

  private NameRules() {}

  /**
   * Reads and checks a name.
   *
   * @param what how messages name the owner, e.g. {@code row name}
   * @return the name if it follows the rule
   */
  static Optional<String> check(Field field, String what, Problems problems) {
    Optional<String> text = Scalars.text(field, problems);
    if (text.isEmpty()) {
      return text;
    }
    String name = text.get();
    if (!NAME.matcher(name).matches()) {
      problems.error(field.location(), what + " " + Field.quote(name)
          + " must be lower_snake_case: a lowercase letter, then lowercase letters, digits or '_'");
      return Optional.empty();
    }
    if (name.length() > MAX_LENGTH) {
      problems.error(field.location(), what + " " + Field.quote(name) + " is longer than " + MAX_LENGTH
          + " characters");
      return Optional.empty();
    }
    if (ClassNames.reserved(name)) {
      problems.error(field.location(), what + " '" + name + "' is a Java keyword or literal; choose another");
      return Optional.empty();
    }
    if (ClassNames.reserved(lowerCamel(name))) {
      problems.error(field.location(), what + " '" + name + "' becomes '" + lowerCamel(name)
          + "' in generated code, a Java keyword or literal; choose another");
      return Optional.empty();
    }
    return text;
  }

  /** The generator's accessor name: {@link ClassNames#accessorName}. */
  static String lowerCamel(String name) {
    return ClassNames.accessorName(name);
  }
}
