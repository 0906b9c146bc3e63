package io.netspec.runtime.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a folder of class folders must be, checked before any image is decoded: at least two classes (a
 * classifier of one class learns nothing; DJL would end in "Gradient values are all zeros"), and which files
 * count as images. Images in folders inside a class folder belong to that class, as in torchvision's
 * {@code ImageFolder}; a class folder with no image at all is refused where its files are listed
 * ({@link ImageFolder}). Hidden entries (names starting with a dot) are ignored.
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
  }

  /** Whether the file's name ends like an image's. */
  public static boolean isImageName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return IMAGE_ENDINGS.stream().anyMatch(name::endsWith);
  }
}
