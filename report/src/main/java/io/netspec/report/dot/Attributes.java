package io.netspec.report.dot;

import java.util.ArrayList;
import java.util.List;

/**
 * The attribute list of one DOT statement, {@code [name="value", label=<...>]}, in the order added so that the
 * DOT text is the same from one run to the next.
 */
final class Attributes {

  private final List<String> entries = new ArrayList<>();

  /** Adds a quoted string attribute. */
  Attributes text(String name, String value) {
    entries.add(name + "=" + quoted(value));
    return this;
  }

  /** Adds a number or keyword attribute, written unquoted. */
  Attributes plain(String name, Object value) {
    entries.add(name + "=" + value);
    return this;
  }

  /** Adds an HTML-like label, written between angle brackets; the markup must be well formed. */
  Attributes html(String name, String markup) {
    entries.add(name + "=<" + markup + ">");
    return this;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public String toString() {
    return "[" + String.join(", ", entries) + "]";
  }

  /** A DOT quoted string: backslashes and double quotes escaped, so that no escape sequence is interpreted. */
  static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Text for inside an HTML-like label. */
  static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
