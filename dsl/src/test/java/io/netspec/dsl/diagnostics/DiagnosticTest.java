package io.netspec.dsl.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A diagnostic prints as one line whatever the spec says: what it quotes of a spec may hold line breaks and
 * escape sequences, which must neither start a line that looks like another diagnostic nor reach the terminal.
 */
class DiagnosticTest {

  private static final char ESC = 27;

  @Test
  void lineBreaksAndControlCharactersAreShownAsEscapes() {
    Diagnostic forged = new Diagnostic(new SourceLocation("a.yaml", 5, 12),
        "row name 'fc\nb.yaml:1:1: error: forged' " + ESC + "[2J\ttab\r");
    assertEquals("a.yaml:5:12: error: row name 'fc\\nb.yaml:1:1: error: forged' \\u001B[2J\\ttab\\r",
        forged.toString());
    assertEquals(1, forged.toString().lines().count());
  }

  @Test
  void aFileNameWithALineBreakStaysOnItsLine() {
    assertEquals("x\\ny.yaml:1:1: error: m", new Diagnostic(SourceLocation.ofFile("x\ny.yaml"), "m").toString());
  }

  @Test
  void printableTextIsKeptAsItIs() {
    String text = "expected an integer ≥ 1, found 'café' → 😀";
    assertEquals(text, new Diagnostic(SourceLocation.ofFile("a.yaml"), text).message());
  }

  @Test
  void invisibleFormattingCharactersAreShown() {
    // U+202E turns the rest of a line around on screen ("Trojan Source")
    assertEquals("name 'a\\u202Eb'", new Diagnostic(SourceLocation.ofFile("a.yaml"), "name 'a\u202eb'").message());
  }
}
