package io.netspec.generator.pytorch;

import io.netspec.dsl.diagnostics.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The PyTorch target: per spec, a Python module {@code <spec file name>.py} with an {@code nn.Module} whose
 * {@code state_dict()} keys and shapes are netspec's tensor names of the DJL network, and once per output folder
 * the runtime library {@code netspec_torch} (units, safetensors files, data sets, run folder, the torchrun
 * trainer). Output depends only on the inputs: the same specs give the same bytes.
 *
 * <pre>{@code
 * List<PythonFile> files = PytorchGenerator.generateAll(List.of(new PytorchSpec(analysis, specTexts)));
 * }</pre>
 */
public final class PytorchGenerator {

  /** The runtime library's files, below {@code netspec_torch/}. */
  static final List<String> RUNTIME_FILES =
      List.of("__init__.py", "layers.py", "safetensors.py", "data.py", "runfolder.py", "train.py");

  private PytorchGenerator() {}

  /**
   * The module of one spec.
   *
   * @throws SpecException if the spec has a row the PyTorch target cannot express, located in the spec
   */
  public static PythonFile generate(PytorchSpec spec) throws SpecException {
    TargetCheck.check(spec.analysis().spec());
    return new PythonFile(moduleName(spec) + ".py", new NetworkModule(spec).text());
  }

  /** The Python module name of a spec: its file name in lower case, {@code _} for other signs. */
  public static String moduleName(PytorchSpec spec) {
    return PythonNames.moduleName(spec.specFile());
  }

  /**
   * Everything one run writes: the module of each spec, in the order of their names, then the runtime library.
   * Every spec is checked before anything is returned.
   *
   * @throws SpecException with the mistakes of every spec the target cannot express
   * @throws IllegalArgumentException if two specs would give the same module name
   */
  public static List<PythonFile> generateAll(List<PytorchSpec> specs) throws SpecException {
    List<PytorchSpec> sorted = specs.stream().sorted(Comparator.comparing(PytorchGenerator::moduleName)).toList();
    List<String> names = new ArrayList<>();
    List<io.netspec.dsl.diagnostics.Diagnostic> problems = new ArrayList<>();
    List<PythonFile> files = new ArrayList<>();
    for (PytorchSpec spec : sorted) {
      String name = moduleName(spec);
      if (names.contains(name) || name.equals(PythonNames.RUNTIME_PACKAGE)) {
        throw new IllegalArgumentException("two specs would generate the Python module " + name + "; rename one ("
            + spec.analysis().spec().file() + ")");
      }
      names.add(name);
      try {
        files.add(generate(spec));
      } catch (SpecException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    files.addAll(runtimeLibrary());
    return files;
  }

  /** The runtime library, {@code netspec_torch/*.py}, as shipped in this jar. */
  public static List<PythonFile> runtimeLibrary() {
    List<PythonFile> files = new ArrayList<>();
    for (String name : RUNTIME_FILES) {
      try (InputStream in = PytorchGenerator.class.getResourceAsStream(PythonNames.RUNTIME_PACKAGE + "/" + name)) {
        if (in == null) {
          throw new IllegalStateException(PythonNames.RUNTIME_PACKAGE + "/" + name + " is missing from the jar");
        }
        files.add(new PythonFile(PythonNames.RUNTIME_PACKAGE + "/" + name,
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
