package io.netspec.bench;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.generator.JavaSource;
import io.netspec.generator.NetworkGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Times "generate and compile all specs" in one process: load and analyse every {@code *.yaml} of a spec
 * folder, generate the Java sources, write them, and compile them with the JDK's compiler in-process
 * ({@code -Xlint:all}, against this process's class path, which holds DJL). Repeats it and prints one JSON
 * line with each repetition's seconds (the first includes the JIT and class loading of a cold process).
 *
 * <p>Usage: {@code GenerateAndCompile SPEC_FOLDER REPETITIONS}
 */
public final class GenerateAndCompile {

  private GenerateAndCompile() {}

  public static void main(String[] args) throws Exception {
    Path specs = Path.of(args[0]);
    int repetitions = Integer.parseInt(args[1]);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> generate = new ArrayList<>();
    List<String> compile = new ArrayList<>();
    int sourceCount = 0;
    for (int r = 0; r < repetitions; r++) {
      Path work = Files.createTempDirectory("netspec-bench-gen");
      try {
        long start = System.nanoTime();
        List<NetworkAnalysis> analyses = new ArrayList<>();
        try (Stream<Path> files = Files.list(specs)) {
          for (Path spec : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
            analyses.add(Analyzer.analyze(SpecLoader.load(spec)));
          }
        }
        List<JavaSource> sources = NetworkGenerator.builder().build().generateAll(analyses);
        List<String> compilerArgs = new ArrayList<>(List.of("-Xlint:all", "-proc:none", "-d",
            work.resolve("classes").toString(), "-cp", System.getProperty("java.class.path")));
        for (JavaSource source : sources) {
          Path file = work.resolve("src").resolve(source.relativePath());
          Files.createDirectories(file.getParent());
          Files.writeString(file, source.content());
          compilerArgs.add(file.toString());
        }
        sourceCount = sources.size();
        long generated = System.nanoTime();
        int status = javac.run(null, null, null, compilerArgs.toArray(String[]::new));
        long compiled = System.nanoTime();
        if (status != 0) {
          throw new IllegalStateException("javac failed with status " + status);
        }
        generate.add(String.format(Locale.ROOT, "%.3f", (generated - start) / 1e9));
        compile.add(String.format(Locale.ROOT, "%.3f", (compiled - generated) / 1e9));
      } finally {
        deleteTree(work);
      }
    }
    System.out.printf(Locale.ROOT,
        "{\"specs\":\"%s\",\"sources\":%d,\"generate_seconds\":[%s],\"compile_seconds\":[%s],\"peak_rss_kb\":%d}%n",
        specs, sourceCount, String.join(",", generate), String.join(",", compile), ProcessMemory.peakResidentKb());
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
