package io.netspec.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a folder of class folders must be, checked before any image is decoded: at least two classes (a
 * classifier of one class learns nothing; DJL would end in "Gradient values are all zeros"), every class folder
 * holding at least one image, and no folder inside a class folder (images there would be silently ignored).
 * Hidden entries (names starting with a dot) are ignored.
 */
public final class ClassFolderRules {

  /** The file name endings read as images. */
  public static final List<String> IMAGE_ENDINGS = List.of(".jpg", ".jpeg", ".png");

  private ClassFolderRules() {}

  /**
   * Checks the class folders {@code classNames} of {@code directory}.
   *
   * @throws DataException naming the folder at fault and why
   */
  public static void check(Path directory, List<String> classNames) throws DataException {
    if (classNames.size() == 1) {
      throw new DataException(directory.toString(), "has one class folder ('" + classNames.get(0)
          + "'); a classifier needs at least two classes, one subfolder each");
    }
    for (String name : classNames) {
      Path folder = directory.resolve(name);
      List<Path> entries;
      try (Stream<Path> list = Files.list(folder)) {
        entries = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      } catch (IOException e) {
        throw new DataException(folder.toString(), "cannot be listed (" + e.getMessage() + ")", e);
      }
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          throw new DataException(entry.toString(), "is a folder inside class folder '" + name + "'; images "
              + "must lie directly in their class folder (move them up, or make it a class of its own)");
        }
      }
      if (entries.stream().noneMatch(ClassFolderRules::isImageName)) {
        throw new DataException(folder.toString(), "class folder holds no image (.jpg, .jpeg or .png); "
            + "remove it or add images");
      }
    }
  }

  /** Whether the file's name ends like an image's. */
  public static boolean isImageName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return IMAGE_ENDINGS.stream().anyMatch(name::endsWith);
  }
}
