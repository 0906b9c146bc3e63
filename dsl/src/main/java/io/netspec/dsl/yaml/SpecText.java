package io.netspec.dsl.yaml;

import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.diagnostics.SpecException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A spec file's bytes as text: UTF-8, holding only the characters YAML allows. The first byte that is not
 * UTF-8, or the first character YAML forbids (a control character such as NUL or ESC), is reported at its line
 * and column, counted as SnakeYAML counts them, so that the message points where an editor shows the problem.
 */
final class SpecText {

  private SpecText() {}

  static String decode(byte[] bytes, String file) throws SpecException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    String text = out.toString();
    if (result.isError()) { // the input stops at the first byte of the malformed sequence
      throw new SpecException(locate(file, text, text.length()), String.format(
          "the file is not UTF-8 text: byte 0x%02X here is not valid UTF-8", bytes[in.position()] & 0xff));
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!printable(c)) {
        throw new SpecException(locate(file, text, i),
            String.format("character U+%04X is not allowed in a YAML file", c));
      }
      i += Character.charCount(c);
    }
    return text;
  }

  /** YAML's printable characters, as SnakeYAML's reader accepts them. */
  private static boolean printable(int c) {
    return (c >= 0x20 && c <= 0x7e) || c == '\t' || c == '\n' || c == '\r' || c == 0x85
        || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
  }

  /**
   * The line and column of {@code text}'s char {@code index}: lines end at LF, CR (alone or before LF), NEL,
   * LS and PS; columns count code points.
   */
  private static SourceLocation locate(String file, String text, int index) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < index; ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean crBeforeLf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
      if (c == '\n' || (c == '\r' && !crBeforeLf) || c == 0x85 || c == 0x2028 || c == 0x2029) {
        line++;
        column = 1;
      } else if (!crBeforeLf) {
        column++;
      }
    }
    return new SourceLocation(file, line, column);
  }
}
