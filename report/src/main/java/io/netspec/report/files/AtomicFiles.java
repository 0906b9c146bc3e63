package io.netspec.report.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files whole or not at all: the content goes to a temporary file beside the target, which is then
 * renamed over it, so that a reader (a browser reloading the page) or a crash never sees half a file.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code content} as UTF-8 to {@code target}, creating its folder if needed. */
  public static void writeString(Path target, String content) throws IOException {
    writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code content} to {@code target}, creating its folder if needed. */
  public static void writeBytes(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    // not Files.createTempFile, whose owner-only permissions would carry over to the page
    Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
    try {
      Files.write(temporary, content);
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
