package io.netspec.runtime.specs;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.ClassNames;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.ModelException;
import io.netspec.runtime.models.ModelType;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code SPEC|MODEL} argument of {@code summary}, {@code diagram} and {@code report}: a spec file, or the
 * name of a generated network (spec stem, spec file name or class name), whose spec copies the netspec plugin
 * put on the class path beside the generated classes.
 */
public final class SpecArguments {

  private SpecArguments() {}

  /**
   * Loads and analyses the spec {@code argument} names.
   *
   * @throws SpecException with every mistake of the spec, each {@code file:line:column: error: message}
   * @throws NoSuchFileException if it looks like a file name but no such file exists
   * @throws ModelException if it is neither a file nor a known network
   */
  public static NetworkAnalysis analyze(String argument) throws SpecException, IOException, ModelException {
    Path file = Path.of(argument);
    if (Files.isRegularFile(file)) {
      return Analyzer.analyze(SpecLoader.load(file));
    }
    if (argument.endsWith(".yaml") || argument.endsWith(".yml") || argument.contains("/")) {
      if (!isModel(argument)) {
        throw new NoSuchFileException(argument);
      }
    }
    return analyzeModel(ModelCatalog.generated().find(argument));
  }

  /**
   * Loads and analyses several spec files to be generated together, reporting the mistakes of all of them at
   * once, and two specs that would be generated into one package.
   *
   * @throws SpecException with the mistakes of every spec, sorted by file and place
   */
  public static List<NetworkAnalysis> analyzeFiles(List<Path> files) throws SpecException, IOException {
    List<NetworkAnalysis> analyses = new ArrayList<>();
    List<Diagnostic> mistakes = new ArrayList<>();
    for (Path file : files) {
      try {
        analyses.add(Analyzer.analyze(SpecLoader.load(file)));
      } catch (SpecException e) {
        mistakes.addAll(e.diagnostics());
      }
    }
    mistakes.addAll(ClassNames.packageClashes(analyses.stream().map(NetworkAnalysis::spec).toList()));
    if (!mistakes.isEmpty()) {
      throw new SpecException(mistakes);
    }
    return analyses;
  }

  private static boolean isModel(String argument) {
    try {
      ModelCatalog.generated().find(argument);
      return true;
    } catch (ModelException e) {
      return false;
    }
  }

  /**
   * Copies the network's spec files from the class path into a temporary zip file system and analyses them
   * there, under their plain file names: the summary then names {@code googlenet-fashion.yaml}, the same on
   * every run, rather than a temporary folder.
   *
   * @throws ModelException if the network's spec files are not available
   */
  public static NetworkAnalysis analyzeModel(ModelType type) throws SpecException, IOException, ModelException {
    Map<String, String> sources = type.specSources();
    if (sources.isEmpty()) {
      throw new ModelException("the spec of " + type.stem() + " is not on the class path; give the spec file");
    }
    Path zip = Files.createTempFile("netspec-spec-", ".zip");
    try {
      Files.delete(zip); // the zip file system creates it
      try (FileSystem specs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
        for (Map.Entry<String, String> source : sources.entrySet()) {
          Files.writeString(specs.getPath(source.getKey()), source.getValue());
        }
        return Analyzer.analyze(SpecLoader.load(specs.getPath(type.specFile())));
      }
    } finally {
      Files.deleteIfExists(zip);
    }
  }
}
