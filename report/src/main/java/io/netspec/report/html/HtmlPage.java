package io.netspec.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A complete, self-contained HTML page: the style sheet and the script are inlined, and the page's
 * Content-Security-Policy forbids loading anything else, so the page works offline, from a file, and shows a
 * console error rather than silently fetching a resource if a future change ever tried to.
 */
public final class HtmlPage {

  /** Allows the inline style and script and data: images, nothing from anywhere else. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

  private static final String STYLE = resource("report.css");
  private static final String SCRIPT = resource("diagram.js");

  private HtmlPage() {}

  /** A page with the given title (plain text) and body (HTML). */
  public static String of(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"generator\" content=\"netspec\">\n"
        + "<title>" + HtmlText.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
        + body + "<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n";
  }

  private static String resource(String name) {
    try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " beside " + HtmlPage.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
