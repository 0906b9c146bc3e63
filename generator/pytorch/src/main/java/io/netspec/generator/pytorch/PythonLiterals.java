package io.netspec.generator.pytorch;

import java.math.BigDecimal;

/** Python literals for values taken from a spec: strings with every unusual character escaped, exact floats. */
final class PythonLiterals {

  private PythonLiterals() {}

  /** A double-quoted string literal of ASCII characters whose value is {@code text}. */
  static String string(String text) {
    StringBuilder literal = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      switch (c) {
        case '\\' -> literal.append("\\\\");
        case '"' -> literal.append("\\\"");
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            literal.append((char) c);
          } else if (c <= 0xffff) {
            literal.append(String.format("\\u%04x", c));
          } else {
            literal.append(String.format("\\U%08x", c));
          }
        }
      }
    });
    return literal.append('"').toString();
  }

  /** The shortest decimal that reads back as {@code value}, always with a point: {@code 0.001}, {@code 1.0}. */
  static String number(double value) {
    String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return text.contains(".") ? text : text + ".0";
  }

  /** A window or kernel size: {@code 3} when square, {@code (3, 5)} otherwise. */
  static String size(int height, int width) {
    return height == width ? Integer.toString(height) : "(" + height + ", " + width + ")";
  }

  /** Text for a {@code #} comment: one line, printable ASCII. */
  static String comment(String text) {
    String quoted = string(text);
    return quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
