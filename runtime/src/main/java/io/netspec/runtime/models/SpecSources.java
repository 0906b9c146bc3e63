package io.netspec.runtime.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec files a network was generated from, as the netspec plugin copies them beside the generated
 * classes: the network's own spec and, through its top-level {@code extends:} key, every spec it extends.
 */
public final class SpecSources {

  private static final Pattern EXTENDS = Pattern.compile("^extends:\\s*[\"']?([A-Za-z0-9_.-]+)[\"']?",
      Pattern.MULTILINE);
  private static final int MAX_DEPTH = 16;

  private SpecSources() {}

  /**
   * File name to text of the spec and its ancestors, child first; empty when the specs are not on the class
   * path (a build without the plugin's resources).
   */
  public static Map<String, String> of(ModelType type) throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    String next = type.specFile();
    while (next != null && !sources.containsKey(next) && sources.size() < MAX_DEPTH) {
      String text = read(type, next);
      if (text == null) {
        break;
      }
      sources.put(next, text);
      Matcher parent = EXTENDS.matcher(text);
      next = parent.find() ? parent.group(1) : null;
    }
    return sources;
  }

  private static String read(ModelType type, String file) throws IOException {
    try (InputStream in = type.networkClass().getResourceAsStream(type.specResourceFolder() + file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
