package io.netspec.generator.pytorch;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.SpecLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Specs for the tests: the shipped ones, loaded with their files' text; generated modules written to a folder. */
final class GeneratedModules {

  /** The repository's specs folder, from this module's folder. */
  static final Path SHIPPED = Path.of("../../specs");

  private static final Pattern EXTENDS = Pattern.compile("^extends:\\s*(\\S+)", Pattern.MULTILINE);

  private GeneratedModules() {}

  /** Every shipped spec file, by name. */
  static List<Path> shippedSpecs() throws IOException {
    try (Stream<Path> files = Files.list(SHIPPED)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** A spec file loaded and analysed, with its text and that of the specs it extends (all in one folder). */
  static PytorchSpec load(Path file) throws IOException, SpecException {
    NetworkAnalysis analysis = Analyzer.analyze(SpecLoader.load(file));
    Map<String, String> sources = new LinkedHashMap<>();
    Path next = file;
    while (next != null) {
      String text = Files.readString(next, StandardCharsets.UTF_8);
      sources.put(next.getFileName().toString(), text);
      Matcher parent = EXTENDS.matcher(text);
      next = parent.find() ? next.resolveSibling(parent.group(1)) : null;
    }
    return new PytorchSpec(analysis, sources);
  }

  /** Writes the files into {@code folder}, plus the test's describe_module.py. */
  static void write(List<PythonFile> files, Path folder) throws IOException {
    for (PythonFile file : files) {
      Path target = folder.resolve(file.relativePath());
      Files.createDirectories(target.getParent());
      Files.write(target, file.bytes());
    }
    try (InputStream script = GeneratedModules.class.getResourceAsStream("/describe_module.py")) {
      Files.write(folder.resolve("describe_module.py"), script.readAllBytes());
    }
  }
}
