package io.netspec.runtime.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.dsl.spec.NetworkSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A network netspec can build, train and rebuild: a class the netspec plugin generated ({@link #of(Class)}), or a
 * spec file built at run time by the interpreter ({@link #ofSpecFile(Path)}). Training, evaluation and run folders
 * treat the two alike; only {@code run.json} records which it was ({@link ModelRecord}).
 */
public final class ModelType {

  private static final String SPEC_SUFFIX = ".yaml";

  private final ModelSource source;
  private final String name;
  private final String specFile;
  private final String specSha256;
  private final Shape inputShape;
  private final int defaultClasses;

  ModelType(ModelSource source, String name, String specFile, String specSha256, Shape inputShape,
      int defaultClasses) {
    this.source = source;
    this.name = name;
    this.specFile = specFile;
    this.specSha256 = specSha256;
    this.inputShape = inputShape;
    this.defaultClasses = defaultClasses;
  }

  /**
   * A generated network class, read through its constants.
   *
   * @throws ModelException if the class does not follow the contract of docs/generated-code.md
   */
  public static ModelType of(Class<? extends AbstractBlock> networkClass) throws ModelException {
    return GeneratedClass.read(networkClass);
  }

  /**
   * The network of a spec file, loaded and analysed now, built by the interpreter.
   *
   * @throws SpecException with every mistake of the spec, each {@code file:line:column: error: message}
   * @throws NoSuchFileException if there is no such file
   * @throws ModelException if the files changed while they were read
   */
  public static ModelType ofSpecFile(Path file) throws SpecException, IOException, ModelException {
    return SpecFile.load(file, file);
  }

  ModelSource source() {
    return source;
  }

  /** The network's class name, e.g. {@code GooglenetFashion}: the generated class's, or the one it would have. */
  public String name() {
    return name;
  }

  /**
   * The spec file, e.g. {@code googlenet-fashion.yaml}; for a spec file built at run time, its path relative to
   * the folder of its {@link #specSources()}.
   */
  public String specFile() {
    return specFile;
  }

  /** The spec file's name without {@code .yaml}: the name the CLI shows. */
  public String stem() {
    String file = specFile.substring(specFile.lastIndexOf('/') + 1);
    return file.endsWith(SPEC_SUFFIX) ? file.substring(0, file.length() - SPEC_SUFFIX.length()) : file;
  }

  /** The stem, and for a spec file built at run time the file it was read from: what the console names. */
  public String displayName() {
    return source instanceof SpecFile spec ? stem() + " (interpreted from " + spec.file() + ")" : stem();
  }

  /** SHA-256 of the spec and every spec it extends, child first. */
  public String specSha256() {
    return specSha256;
  }

  /** The input of one example, {@code (C, H, W)}. */
  public Shape inputShape() {
    return inputShape;
  }

  public int defaultClasses() {
    return defaultClasses;
  }

  /** The class of the networks it builds: the generated class, or the interpreter's {@code InterpretedNetwork}. */
  public Class<? extends AbstractBlock> networkClass() {
    return source.blockClass();
  }

  /** Whether {@code name} is this network's class name, spec file name or spec file stem (any case). */
  public boolean isNamed(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return wanted.equals(name().toLowerCase(Locale.ROOT))
        || wanted.equals(specFile.toLowerCase(Locale.ROOT))
        || wanted.equals(stem().toLowerCase(Locale.ROOT));
  }

  /**
   * Builds a fresh, uninitialised network.
   *
   * @param classes the number of classes, or empty for {@link #defaultClasses()}
   * @param auxClassifiers whether to build the auxiliary classifiers, or empty for the spec's default
   * @throws ModelException if the builder rejects the options
   */
  public Network build(Optional<Integer> classes, Optional<Boolean> auxClassifiers) throws ModelException {
    return source.build(this, classes, auxClassifiers);
  }

  /**
   * The text of the spec and of every spec it extends, child first, by path ({@link #specFile()} first); written
   * out under these paths, they load again. Empty for a generated class whose spec copies are not on the class
   * path.
   */
  public Map<String, String> specSources() throws IOException {
    return source.specSources();
  }

  /**
   * The checked spec this network is built from: the interpreter's, or for a generated class its spec copies
   * (the {@link #specSources()}), loaded again. What the spec says beyond the network's own constants, such as
   * its tensor names (TensorNames), is read from it.
   *
   * @throws IOException if a generated class's spec copies are not on the class path
   * @throws SpecException if they do not load (they loaded when the class was generated)
   */
  public NetworkSpec spec() throws IOException, SpecException {
    if (source instanceof SpecFile file) {
      return file.spec();
    }
    Map<String, String> sources = specSources();
    if (sources.isEmpty()) {
      throw new IOException(name + ": its spec " + specFile + " is not on the class path");
    }
    Path folder = Files.createTempDirectory("netspec-spec");
    try {
      for (Map.Entry<String, String> text : sources.entrySet()) {
        Path file = folder.resolve(text.getKey()).normalize();
        if (!file.startsWith(folder)) {
          throw new IOException(name + ": spec copy " + text.getKey() + " lies outside its folder");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.getValue());
      }
      return SpecLoader.load(folder.resolve(specFile));
    } finally {
      try (var paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @Override
  public String toString() {
    return stem();
  }
}
