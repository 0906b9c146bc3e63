package io.netspec.report.layout;

/**
 * The width of a line of text in the diagram's sans-serif font, estimated from character classes rather than
 * measured with a font installed on this machine, so that the layout (and so the SVG) is the same everywhere.
 * The estimate errs wide: a box is never narrower than its text in DejaVu Sans, Helvetica or Arial.
 */
final class TextWidth {

  private TextWidth() {}

  /** The width of {@code text} at {@code size} pixels, bold or not. */
  static double of(String text, double size, boolean bold) {
    double em = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("iljtf.,:;'|!()[] ".indexOf(c) >= 0) {
        em += 0.34;
      } else if ("mwMW@".indexOf(c) >= 0) {
        em += 0.92;
      } else if (Character.isUpperCase(c)) {
        em += 0.72;
      } else {
        em += 0.6;
      }
    }
    return em * size * (bold ? 1.08 : 1.0);
  }
}
