package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.spec.NetworkSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a spec file, resolves what it extends, applies defaults and checks every key. The package
 * documentation says which class reads and checks which key.
 */
public final class SpecLoader {

  private SpecLoader() {}

  /**
   * Loads and checks one spec.
   *
   * @throws SpecException with every mistake in the file (and the files it extends), each with its location
   * @throws IOException when the file cannot be read at all
   */
  public static NetworkSpec load(Path file) throws SpecException, IOException {
    Problems problems = new Problems();
    List<SpecDocument> chain = ChainReader.read(file, problems);
    chain.forEach(document -> SpecBinder.check(document, problems));
    boolean complete = !chain.isEmpty() && chain.get(chain.size() - 1).parent().isEmpty();
    if (!complete) {
      problems.throwIfAny(); // a file of the chain could not be read: the mistakes that stopped it are reported
      throw new IllegalStateException("the chain of " + file + " stopped without a reported mistake");
    }
    SpecDocument merged = VariantMerger.merge(chain, problems);
    Optional<NetworkSpec> spec = SpecBinder.bind(merged, chain, problems);
    problems.throwIfAny();
    return spec.orElseThrow(() -> new IllegalStateException(file + " was not bound, without a reported mistake"));
  }
}
