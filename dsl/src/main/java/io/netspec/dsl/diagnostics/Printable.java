package io.netspec.dsl.diagnostics;

/**
 * Makes text from a spec safe to print as part of one diagnostic line. A message quotes what the spec says,
 * and a spec may say anything: a line break in a name would start a line of its own that looks like another
 * diagnostic, and an escape character would speak to the terminal. Such characters are shown as Java escapes
 * ({@code \n}, and backslash {@code u001B} for an escape character); everything else, {@code ≥} and {@code é}
 * included, is kept. Diagnostics use it for what they quote; the command line uses it for every other message
 * it prints, which may quote a command-line argument.
 */
public final class Printable {

  private Printable() {}

  /** {@code text} with every character that does not print as itself written as a Java escape. */
  public static String escape(String text) {
    if (text.codePoints().allMatch(Printable::shown)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      if (shown(c)) {
        out.appendCodePoint(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        for (char unit : Character.toChars(c)) {
          out.append(String.format("\\u%04X", (int) unit));
        }
      }
    });
    return out.toString();
  }

  /** Whether the character prints as itself: not a control, format or separator character, nor unassigned. */
  private static boolean shown(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE, Character.UNASSIGNED -> false;
      default -> true;
    };
  }
}
