package io.netspec.generator;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.SpecLoader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * The child JVM of {@link CrossEnvironmentReproducibilityTest}: generates every {@code *.yaml} directly in a
 * folder, as the Maven plugin does (file name order, {@link SourceWriter}), and records what the JVM's
 * environment was, so that the test can check that the environment it asked for took effect.
 *
 * <pre>java -cp ... io.netspec.generator.GenerateSpecFolder SPEC_FOLDER OUTPUT_FOLDER ENVIRONMENT_FILE</pre>
 */
final class GenerateSpecFolder {

  private GenerateSpecFolder() {}

  public static void main(String[] args) throws IOException, SpecException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: GenerateSpecFolder SPEC_FOLDER OUTPUT_FOLDER ENVIRONMENT_FILE");
    }
    SourceWriter writer = new SourceWriter(Path.of(args[1]));
    for (JavaSource source : generate(Path.of(args[0]))) {
      writer.write(source);
    }
    Files.writeString(Path.of(args[2]), String.join("\n", environment()) + "\n", StandardCharsets.UTF_8);
  }

  /** Every spec of the folder, loaded, analysed and generated in one run, the index included. */
  static List<JavaSource> generate(Path folder) throws IOException, SpecException {
    List<NetworkAnalysis> analyses = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
        analyses.add(Analyzer.analyze(SpecLoader.load(file)));
      }
    }
    return NetworkGenerator.builder().build().generateAll(analyses);
  }

  /** {@code key=value} lines: what locale, zone, charsets and so on this JVM runs with. */
  static List<String> environment() {
    return List.of(
        "locale=" + Locale.getDefault().toLanguageTag(),
        "digits=" + String.format("%d", 1234567),
        "upper=" + "i".toUpperCase(),
        "zone=" + TimeZone.getDefault().getID(),
        "charset=" + Charset.defaultCharset().name(),
        "jnu=" + System.getProperty("sun.jnu.encoding"),
        "lineSeparator=" + System.lineSeparator().replace("\r", "\\r").replace("\n", "\\n"),
        "userDir=" + System.getProperty("user.dir"),
        "userName=" + System.getProperty("user.name"),
        "identityHash=" + new Object().hashCode(),
        "vm=" + System.getProperty("java.vm.name"));
  }
}
