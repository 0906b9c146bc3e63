package io.netspec.generator;

/**
 * Makes text from a spec safe to place in a generated javadoc comment. Spec text is user input: it must
 * not close the comment ({@code *}{@code /}), smuggle a line break in through a Unicode escape (javac
 * translates {@code \}{@code u000a} before it sees comments), start a javadoc tag, or break the HTML.
 * Everything outside printable ASCII becomes an HTML character reference, so generated sources are ASCII.
 */
final class JavadocText {

  private JavadocText() {}

  /** The text as one line of HTML that javac and javadoc read back exactly as written. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int length = text.length();
    for (int i = 0; i < length; ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;"); // a block or inline tag
        case '\\' -> out.append("&#92;"); // a Unicode escape
        case '/' -> out.append(out.length() > 0 && out.charAt(out.length() - 1) == '*' ? "&#47;" : "/");
        case '$' -> out.append('$'); // JavaPoet never formats the text: it is passed as an argument
        default -> {
          if (c == '\n' || c == '\r' || c == '\t') {
            out.append(' ');
          } else if (c < 0x20 || c > 0x7e) {
            out.append("&#").append(c).append(';');
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The text as inline code: {@code <code>text</code>}, escaped. */
  static String code(String text) {
    return "<code>" + escape(text) + "</code>";
  }
}
