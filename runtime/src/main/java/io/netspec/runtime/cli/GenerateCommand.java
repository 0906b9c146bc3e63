package io.netspec.runtime.cli;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.generator.JavaSource;
import io.netspec.generator.NetworkGenerator;
import io.netspec.generator.SourceWriter;
import io.netspec.generator.pytorch.PythonFile;
import io.netspec.generator.pytorch.PytorchGenerator;
import io.netspec.generator.pytorch.PytorchSpec;
import io.netspec.runtime.models.ModelType;
import io.netspec.runtime.specs.SpecArguments;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netspec generate SPEC... -o DIR}: the DJL sources the Maven plugin would generate, outside Maven; with
 * {@code --target pytorch}, a PyTorch module per spec and the {@code netspec_torch} runtime library beside them.
 * Every spec is checked and every source generated before the first file is written, so a mistake anywhere
 * writes nothing; each file is written atomically, and an unchanged one is left alone.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Generates the DJL sources of specs (as the Maven plugin does) into a source folder; "
        + "a spec with mistakes prints every one and writes nothing.")
final class GenerateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "SPEC", arity = "1..*", description = "spec files")
  private List<Path> specFiles;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "source folder")
  private Path output;

  @Option(names = "--package", paramLabel = "P", defaultValue = NetworkGenerator.DEFAULT_PACKAGE,
      description = "base package (default: ${DEFAULT-VALUE})")
  private String packageName;

  /** What the sources are for. */
  enum Target {
    java,
    pytorch
  }

  @Option(names = "--target", paramLabel = "T", defaultValue = "java",
      description = "java (DJL sources) or pytorch (Python modules for torchrun); default: ${DEFAULT-VALUE}")
  private Target target;

  @Override
  public Integer call() throws Exception {
    if (target == Target.pytorch) {
      return generatePytorch();
    }
    NetworkGenerator generator = NetworkGenerator.builder().optPackageName(packageName).build();
    List<JavaSource> sources = generator.generateAll(SpecArguments.analyzeFiles(specFiles));
    SourceWriter writer = new SourceWriter(output);
    int written = 0;
    for (JavaSource source : sources) {
      written += writer.write(source) ? 1 : 0;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%d sources in %s (%d written, %d unchanged)%n", sources.size(), output, written,
        sources.size() - written);
    out.flush();
    return 0;
  }

  /** The PyTorch modules: every spec checked and every file made before the first is written. */
  private int generatePytorch() throws Exception {
    List<NetworkAnalysis> analyses = SpecArguments.analyzeFiles(specFiles);
    List<PytorchSpec> specs = new ArrayList<>();
    for (int i = 0; i < specFiles.size(); i++) {
      specs.add(new PytorchSpec(analyses.get(i), ModelType.ofSpecFile(specFiles.get(i)).specSources()));
    }
    List<PythonFile> files = PytorchGenerator.generateAll(specs);
    SourceWriter writer = new SourceWriter(output);
    int written = 0;
    for (PythonFile file : files) {
      written += writer.write(file.relativePath(), file.bytes()) ? 1 : 0;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%d Python files in %s (%d written, %d unchanged); train with: cd %s && torchrun "
        + "--nproc_per_node=N -m netspec_torch.train MODULE%n", files.size(), output, written,
        files.size() - written, output);
    out.flush();
    return 0;
  }
}
