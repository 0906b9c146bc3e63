package io.netspec.runtime.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.dsl.spec.InputShape;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.interpreter.InterpretedNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spec file read, checked and built at run time by the interpreter ({@link InterpretedNetwork}), without the
 * Maven build: the same network as the class the generator would write for it.
 *
 * @param file the spec file read, as named
 * @param recordedAs the spec file to record as the network's, absolute: {@code file}, or for a network rebuilt from
 *     a run folder's copy the one the run was started with
 * @param spec the loaded and analysed spec
 * @param sources the text of the spec and of every spec it extends, read with it (see {@link #specSources}), as
 *     a run folder copies them: self-contained ({@link SpecSources.Copy})
 * @param rewrites the {@code extends:} the copy rewrote to name its copied parent; empty if none
 */
record SpecFile(Path file, Path recordedAs, NetworkSpec spec, Map<String, String> sources, List<String> rewrites)
    implements ModelSource {

  SpecFile {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources)); // child first
    rewrites = List.copyOf(rewrites);
  }

  /**
   * Loads and analyses a spec file.
   *
   * @param file the spec file to read
   * @param recordedAs the spec file to name as the network's ({@code file}, or the original of a copy)
   * @throws SpecException with every mistake of the spec, each {@code file:line:column: error: message}
   * @throws NoSuchFileException if there is no such file
   * @throws ModelException if the files changed while they were read
   */
  static ModelType load(Path file, Path recordedAs) throws SpecException, IOException, ModelException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such spec file");
    }
    NetworkSpec spec = SpecLoader.load(file);
    Analyzer.analyze(spec);
    Map<Path, byte[]> files = SpecSources.onDisk(file);
    if (!sha256(files.values()).equals(spec.sha256())) {
      throw new ModelException(file + ": its files changed while they were read, or it names the spec it "
          + "extends in a way netspec cannot follow to copy it");
    }
    InputShape input = spec.input();
    SpecSources.Copy copy = SpecSources.copy(files);
    SpecFile source = new SpecFile(file, recordedAs.toAbsolutePath().normalize(), spec, copy.texts(),
        copy.rewrites());
    String specFile = copy.texts().keySet().iterator().next();
    return new ModelType(source, spec.className(), specFile, spec.sha256(),
        new Shape(input.channels(), input.height(), input.width()), spec.classes());
  }

  /** The SHA-256 of the run folder's copy: the spec's own, unless {@code extends} was rewritten. */
  String copySha256() {
    return sha256(sources.values().stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
  }

  /** Hex SHA-256 over the files' bytes, in order: the spec's {@code sha256} when they are what it was read from. */
  private static String sha256(Iterable<byte[]> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.forEach(digest::update);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public Class<? extends AbstractBlock> blockClass() {
    return InterpretedNetwork.class;
  }

  /** Builds the network through the interpreter's builder. */
  @Override
  public Network build(ModelType type, Optional<Integer> classes, Optional<Boolean> auxClassifiers)
      throws ModelException {
    InterpretedNetwork.Builder builder = InterpretedNetwork.builder(spec);
    try {
      if (classes.isPresent()) {
        builder.optNumClasses(classes.get());
      }
    } catch (IllegalArgumentException e) {
      throw new ModelException(type.name() + ": " + e.getMessage(), e);
    }
    auxClassifiers.ifPresent(builder::optAuxClassifiers);
    InterpretedNetwork network = builder.build();
    return new Network(type, network, network.numClasses(), network.auxLossWeights());
  }

  /** The files as they were when the spec was loaded, whatever became of them since. */
  @Override
  public Map<String, String> specSources() {
    return sources;
  }
}
