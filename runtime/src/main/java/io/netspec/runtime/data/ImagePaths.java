package io.netspec.runtime.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image files that {@code predict}'s arguments name: a file as it is (whatever its name, so that a file
 * that is not an image is reported rather than skipped), a folder's {@code .jpg}, {@code .jpeg} and
 * {@code .png} files and those of its subfolders in sorted order, and a glob ({@code photos/*.jpg},
 * {@code 'photos/**.png'}) its matching files, for when the shell did not expand it. Each file once, in
 * argument order.
 *
 * @param files the files found
 * @param problems one line per argument that named nothing, {@code argument: reason}
 */
public record ImagePaths(List<Path> files, List<String> problems) {

  public ImagePaths {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /** Expands the arguments. */
  public static ImagePaths expand(List<String> arguments) {
    Set<Path> files = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (String argument : arguments) {
      try {
        List<Path> found = expand(argument);
        if (found.isEmpty()) {
          problems.add(argument + ": " + (isGlob(argument) ? "no file matches this pattern"
              : Files.isDirectory(Path.of(argument)) ? "folder holds no .jpg, .jpeg or .png image"
              : "file not found"));
        }
        files.addAll(found);
      } catch (IOException | UncheckedIOException | InvalidPathException e) {
        problems.add(argument + ": cannot be listed (" + e.getMessage() + ")");
      }
    }
    return new ImagePaths(new ArrayList<>(files), problems);
  }

  private static List<Path> expand(String argument) throws IOException {
    Path path = Path.of(argument);
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (Files.isDirectory(path)) {
      try (Stream<Path> entries = Files.walk(path)) {
        return entries.filter(Files::isRegularFile).filter(ClassFolderRules::isImageName).sorted().toList();
      }
    }
    if (!isGlob(argument)) {
      return List.of();
    }
    Path base = fixedPart(argument);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + argument);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.walk(base)) {
      return entries.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
    }
  }

  private static boolean isGlob(String argument) {
    return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /**
   * The folder of a glob before its first wildcard, where to look: walked from there, file paths keep the
   * glob's own form ({@code photos/a.jpg}, or {@code a.jpg} from the empty path) so that the glob matches them.
   */
  private static Path fixedPart(String glob) {
    String text = glob.replaceAll("[*?\\[{].*$", "");
    if (text.isEmpty()) {
      return Path.of("");
    }
    if (text.endsWith("/")) {
      return Path.of(text);
    }
    Path parent = Path.of(text).getParent();
    return parent == null ? Path.of("") : parent;
  }
}
