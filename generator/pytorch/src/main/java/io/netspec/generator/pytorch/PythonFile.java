package io.netspec.generator.pytorch;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file the PyTorch target writes.
 *
 * @param relativePath where it goes below the output folder, with {@code /}
 * @param text its contents
 */
public record PythonFile(String relativePath, String text) {

  public PythonFile {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(text, "text");
  }

  /** The contents as written: UTF-8. */
  public byte[] bytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
