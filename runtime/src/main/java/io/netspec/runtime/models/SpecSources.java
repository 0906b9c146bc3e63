package io.netspec.runtime.models;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a spec: the spec and, through its top-level {@code extends:} key, every spec it extends, child
 * first, each read where the one naming it says (relative to its own folder), as the spec loader reads them.
 */
final class SpecSources {

  private static final Pattern EXTENDS = Pattern.compile("^extends:\\s*[\"']?([A-Za-z0-9_./-]+)[\"']?",
      Pattern.MULTILINE);
  private static final int MAX_DEPTH = 16;

  /** Reads one spec file. */
  @FunctionalInterface
  interface Reader {
    /** The file's bytes, or null if there is no such file. */
    byte[] read(Path file) throws IOException;
  }

  private SpecSources() {}

  /**
   * Follows {@code extends} from {@code spec}: each file's path (a parent's resolved against its child's) to its
   * bytes, child first, up to the first file {@code reader} does not find.
   */
  static Map<Path, byte[]> chain(Path spec, Reader reader) throws IOException {
    Map<Path, byte[]> chain = new LinkedHashMap<>();
    Path next = spec;
    while (next != null && !chain.containsKey(next) && chain.size() < MAX_DEPTH) {
      byte[] bytes = reader.read(next);
      if (bytes == null) {
        break;
      }
      chain.put(next, bytes);
      Matcher parent = EXTENDS.matcher(new String(bytes, StandardCharsets.UTF_8));
      next = parent.find() ? next.resolveSibling(parent.group(1)).normalize() : null;
    }
    return chain;
  }

  /**
   * The chain of a spec file on disk, by paths relative to the deepest folder that holds every file of it: the
   * spec's own folder unless it extends a spec elsewhere.
   */
  static Map<Path, byte[]> onDisk(Path spec) throws IOException {
    Map<Path, byte[]> absolute = chain(spec.toAbsolutePath().normalize(),
        file -> Files.isRegularFile(file) ? Files.readAllBytes(file) : null);
    Path root = spec.toAbsolutePath().normalize().getParent();
    for (Path file : absolute.keySet()) {
      while (!file.startsWith(root)) {
        root = root.getParent();
      }
    }
    Map<Path, byte[]> relative = new LinkedHashMap<>();
    for (Map.Entry<Path, byte[]> file : absolute.entrySet()) {
      relative.put(root.relativize(file.getKey()), file.getValue());
    }
    return relative;
  }

  /**
   * A run folder's copy of a spec chain ({@link #onDisk}), made self-contained: when every {@code extends:} is a
   * relative path ({@code ../} included) the copy is the files as they are, at their paths relative to the
   * deepest folder holding them all, where those names still resolve; when one extends its parent by an absolute
   * path, every file is copied by its file name alone into one folder and each {@code extends:} is rewritten to
   * name the copied parent, so that the copy still loads once the original moves. The rewrites are listed, for
   * {@code run.json} to record.
   *
   * @param texts each copied file's text, by its path in the copy, child first
   * @param rewrites one line per rewritten {@code extends}, {@code child.yaml: extends A → B}; empty if none
   */
  record Copy(Map<String, String> texts, List<String> rewrites) {}

  /** The self-contained copy of a chain read by {@link #onDisk} ({@link Copy}). */
  static Copy copy(Map<Path, byte[]> onDisk) {
    List<Path> files = new ArrayList<>(onDisk.keySet());
    // relative names (../ included) keep their layout in the copy, and so still resolve there; an absolute
    // one would name the original
    boolean inside = onDisk.values().stream()
        .map(bytes -> EXTENDS.matcher(new String(bytes, StandardCharsets.UTF_8)))
        .noneMatch(m -> m.find() && m.group(1).startsWith("/"));
    if (inside) {
      return new Copy(texts(onDisk), List.of());
    }
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String unique = name;
      for (int n = 2; names.contains(unique); n++) {
        unique = n + "-" + name;
      }
      names.add(unique);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    List<String> rewrites = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String text = new String(onDisk.get(files.get(i)), StandardCharsets.UTF_8);
      Matcher parent = EXTENDS.matcher(text);
      if (i + 1 < files.size() && parent.find()) {
        String to = names.get(i + 1);
        if (!parent.group(1).equals(to)) {
          rewrites.add(names.get(i) + ": extends " + parent.group(1) + " → " + to);
          text = text.substring(0, parent.start(1)) + to + text.substring(parent.end(1));
        }
      }
      texts.put(names.get(i), text);
    }
    return new Copy(texts, rewrites);
  }

  /** The files' text, by their path written with {@code /}. */
  static Map<String, String> texts(Map<Path, byte[]> chain) {
    Map<String, String> texts = new LinkedHashMap<>();
    chain.forEach((file, bytes) -> texts.put(name(file), new String(bytes, StandardCharsets.UTF_8)));
    return texts;
  }

  /** A relative path written with {@code /}, as run folders and class-path resources name it. */
  static String name(Path file) {
    return file.toString().replace(File.separatorChar, '/');
  }
}
