package io.netspec.maven;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.generator.SourceWriter;
import io.netspec.generator.pytorch.PythonFile;
import io.netspec.generator.pytorch.PytorchGenerator;
import io.netspec.generator.pytorch.PytorchSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's {@code pytorch} target: a Python module per spec and the {@code netspec_torch} runtime library,
 * every file made before the first is written, each written only if it changed.
 */
final class PytorchOutput {

  private PytorchOutput() {}

  /**
   * @param analyses the analysed specs by file
   * @param chains each spec's file and the files it extends, child first
   * @return the number of files written (the others were unchanged)
   * @throws SpecException if a spec has a row the PyTorch target cannot express
   */
  static int write(Map<Path, NetworkAnalysis> analyses, Map<Path, List<Path>> chains, Path output)
      throws IOException, SpecException {
    List<PytorchSpec> specs = new ArrayList<>();
    for (Map.Entry<Path, NetworkAnalysis> entry : analyses.entrySet()) {
      specs.add(new PytorchSpec(entry.getValue(), sources(entry.getKey(), chains.get(entry.getKey()))));
    }
    List<PythonFile> files = PytorchGenerator.generateAll(specs);
    SourceWriter writer = new SourceWriter(output);
    int written = 0;
    for (PythonFile file : files) {
      written += writer.write(file.relativePath(), file.bytes()) ? 1 : 0;
    }
    return written;
  }

  /** The text of a spec's files by their path relative to the spec's folder (one outside it: by file name). */
  private static Map<String, String> sources(Path spec, List<Path> chain) throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    Path folder = spec.toAbsolutePath().normalize().getParent();
    for (Path file : chain) {
      Path relative = folder.relativize(file).normalize();
      if (relative.startsWith("..")) {
        relative = file.getFileName();
      }
      sources.put(relative.toString().replace(File.separatorChar, '/'),
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }
    return sources;
  }
}
