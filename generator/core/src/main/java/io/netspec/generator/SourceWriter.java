package io.netspec.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Writes generated files below one output folder, so that a reader never sees half a file and an unchanged
 * file keeps its timestamp (and incremental compilers have nothing to redo):
 * <ul>
 *   <li>each file is written to a temporary file in its own folder, then moved over the target atomically;
 *   <li>a file whose bytes would not change is not written;
 *   <li>on a POSIX file system each file is readable by all ({@code rw-r--r--}), as a source file written
 *       directly would be, not owner-only as the temporary file is created;
 *   <li>a path that leaves the output folder ({@code ..}, an absolute path, a symbolic link out) is refused.
 * </ul>
 */
public final class SourceWriter {

  private final Path root;

  /** A writer below {@code root}, which is created if needed. */
  public SourceWriter(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * Writes a generated source.
   *
   * @return true if the file was written, false if it already had this content
   */
  public boolean write(JavaSource source) throws IOException {
    return write(source.relativePath(), source.content().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code content} to {@code relativePath} below the root.
   *
   * @param relativePath a path with {@code /} separators that stays below the root
   * @return true if the file was written, false if it already had this content
   * @throws IllegalArgumentException if the path would leave the output folder
   * @throws IOException if the file cannot be written; the target is then left as it was
   */
  public boolean write(String relativePath, byte[] content) throws IOException {
    Path target = resolve(relativePath);
    Path folder = target.getParent();
    Files.createDirectories(folder);
    Path realRoot = root.toRealPath();
    if (!folder.toRealPath().startsWith(realRoot)
        || (Files.isSymbolicLink(target) && !target.toRealPath().startsWith(realRoot))) {
      throw new IllegalArgumentException("'" + relativePath + "' leads out of " + root);
    }
    if (Files.isRegularFile(target) && Files.size(target) == content.length
        && Arrays.equals(Files.readAllBytes(target), content)) {
      return false;
    }
    Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    try {
      Files.write(temporary, content);
      PosixFileAttributeView posix = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
      if (posix != null) {
        posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
      }
      move(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return true;
  }

  /**
   * The absolute path of {@code relativePath} below the root.
   *
   * @throws IllegalArgumentException if the path is empty, absolute, or leaves the root
   */
  public Path resolve(String relativePath) {
    if (relativePath.isEmpty() || relativePath.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a relative file path: '" + relativePath + "'");
    }
    Path relative = root.getFileSystem().getPath(relativePath);
    Path target = root.resolve(relative).normalize();
    if (relative.isAbsolute() || relative.getRoot() != null || !target.startsWith(root)
        || target.equals(root)) {
      throw new IllegalArgumentException("'" + relativePath + "' leads out of " + root);
    }
    return target;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
