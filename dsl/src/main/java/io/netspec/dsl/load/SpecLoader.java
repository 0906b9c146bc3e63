package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.spec.NetworkSpec;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a spec file, resolves what it extends, applies defaults and checks every key. */
public final class SpecLoader {

  private SpecLoader() {}

  /**
   * Loads and checks one spec.
   *
   * @throws SpecException with every mistake in the file (and the files it extends), each with its location
   * @throws IOException when the file cannot be read at all
   */
  public static NetworkSpec load(Path file) throws SpecException, IOException {
    throw new UnsupportedOperationException("not written yet");
  }
}
