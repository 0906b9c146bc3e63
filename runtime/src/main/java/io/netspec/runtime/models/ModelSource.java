package io.netspec.runtime.models;

import ai.djl.nn.AbstractBlock;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link ModelType}'s networks come from: the class the generator wrote for a spec
 * ({@link GeneratedClass}), or a spec file read and built at run time ({@link SpecFile}). The two build the same
 * network for one spec: the same children, parameter names and shapes, outputs.
 */
sealed interface ModelSource permits GeneratedClass, SpecFile {

  /** The class of the blocks {@link #build} makes. */
  Class<? extends AbstractBlock> blockClass();

  /**
   * A fresh, uninitialised network.
   *
   * @param classes the number of classes, or empty for the spec's
   * @param auxClassifiers whether to build the auxiliary classifiers, or empty for the spec's default
   * @throws ModelException if the options are rejected
   */
  Network build(ModelType type, Optional<Integer> classes, Optional<Boolean> auxClassifiers) throws ModelException;

  /**
   * The text of the spec and of every spec it extends, child first, by their path relative to one folder (the
   * spec's, unless a parent lies outside it), so that the files written out under these paths load again.
   */
  Map<String, String> specSources() throws IOException;
}
