package io.netspec.maven;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.load.ClassNames;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.generator.JavaSource;
import io.netspec.generator.NetworkGenerator;
import io.netspec.generator.SourceWriter;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates typed DJL networks from the specs in {@link #specDirectory}: per spec a package with the network
 * class and its module classes, one index class {@code NetspecModels}, and a copy of each spec (and the specs
 * it extends) as a resource. Generated files whose spec is gone are deleted, with the package folders they
 * leave empty, also when the spec folder is empty or missing.
 *
 * <p>As the ANTLR and protobuf plugins do, it adds the output folder as a compile source root (even when
 * skipped, so that IDEs see it), regenerates only when a spec or the plugin changed since the last run,
 * and reports every spec mistake, as {@code file:line:column: error: message}, in one failure. Nothing is
 * written unless every spec is valid, and each file is replaced atomically.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  private static final String SOURCES = "sources/";
  private static final String RESOURCES = "resources/";

  /** The folder of the specs: every {@code *.yaml} file directly in it is generated. */
  @Parameter(defaultValue = "${project.basedir}/src/main/netspec", required = true)
  private File specDirectory;

  /** Where the Java sources go; added to the project's compile source roots. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/netspec", required = true)
  private File outputDirectory;

  /** Where the copies of the specs go; added to the project's resources. */
  @Parameter(defaultValue = "${project.build.directory}/generated-resources/netspec", required = true)
  private File resourceDirectory;

  /** The base package: a spec {@code googlenet-fashion.yaml} gives {@code <packageName>.googlenetfashion}. */
  @Parameter(defaultValue = NetworkGenerator.DEFAULT_PACKAGE, required = true)
  private String packageName;

  /**
   * What to generate: {@code java}, the DJL sources (the default), or {@code pytorch}, a Python module per spec
   * and the {@code netspec_torch} runtime library in {@link #pythonOutputDirectory}, for training with torchrun.
   */
  @Parameter(property = "netspec.target", defaultValue = "java", required = true)
  private String target;

  /** Where the {@code pytorch} target writes its Python modules. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/netspec-pytorch", required = true)
  private File pythonOutputDirectory;

  /** Skips generation; the output folder is still added to the source roots. */
  @Parameter(property = "netspec.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  private File buildDirectory;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution execution;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    addResourceDirectory();
    if (skip) {
      getLog().info("netspec: skipped");
      return;
    }
    try {
      if ("pytorch".equals(target)) {
        generatePytorch();
        return;
      }
      if (target != null && !target.equals("java")) { // null: set up without Maven's defaults, as in unit tests
        throw new MojoFailureException("netspec: target '" + target + "' is unknown; use java or pytorch");
      }
      generate();
    } catch (IOException e) {
      throw new MojoExecutionException("netspec: " + e.getMessage(), e);
    }
  }

  private void addResourceDirectory() {
    String folder = resourceDirectory.getAbsolutePath();
    boolean known = project.getResources().stream()
        .anyMatch(resource -> new File(resource.getDirectory()).getAbsolutePath().equals(folder));
    if (!known) {
      Resource resource = new Resource();
      resource.setDirectory(folder);
      project.addResource(resource);
    }
  }

  private void generate() throws IOException, MojoFailureException, MojoExecutionException {
    List<Path> specs = SpecFiles.list(specDirectory.toPath());
    Path stampFile = buildDirectory.toPath().resolve("netspec").resolve(execution.getExecutionId() + ".stamp");
    Optional<BuildStamp> previous = BuildStamp.read(stampFile);
    if (specs.isEmpty()) {
      getLog().info("netspec: no specs in " + specDirectory);
      if (previous.isPresent()) { // every spec is gone (or its folder): so is everything generated from them
        deleteStale(previous.get(), List.of(), new SourceWriter(outputDirectory.toPath()),
            new SourceWriter(resourceDirectory.toPath()));
        Files.deleteIfExists(stampFile);
      }
      return;
    }
    Map<Path, List<Path>> chains = new LinkedHashMap<>();
    specs.forEach(spec -> chains.put(spec, SpecFiles.chain(spec)));
    List<String> inputs = BuildStamp.inputs(settings(),
        chains.values().stream().flatMap(List::stream).toList());
    if (previous.isPresent() && previous.get().inputs().equals(inputs) && outputsExist(previous.get())) {
      getLog().info("netspec: " + specs.size() + " specs up to date, nothing to generate");
      return;
    }

    Map<Path, NetworkAnalysis> analyses = load(specs);
    NetworkGenerator generator;
    List<JavaSource> sources;
    try { // a packageName that is not a Java name fails the build like a spec mistake: no stack trace
      generator = NetworkGenerator.builder().optPackageName(packageName).build();
      sources = generator.generateAll(List.copyOf(analyses.values()));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("netspec: " + e.getMessage());
    }
    Map<String, byte[]> resources = resources(generator, analyses, chains);

    // every file exists in memory before the first one is written
    SourceWriter sourceWriter = new SourceWriter(outputDirectory.toPath());
    SourceWriter resourceWriter = new SourceWriter(resourceDirectory.toPath());
    List<String> outputs = new ArrayList<>();
    int written = 0;
    for (JavaSource source : sources) {
      written += sourceWriter.write(source) ? 1 : 0;
      outputs.add(SOURCES + source.relativePath());
    }
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      written += resourceWriter.write(resource.getKey(), resource.getValue()) ? 1 : 0;
      outputs.add(RESOURCES + resource.getKey());
    }
    if (previous.isPresent()) {
      deleteStale(previous.get(), outputs, sourceWriter, resourceWriter);
    }
    new BuildStamp(inputs, outputs).write(stampFile);
    getLog().info("netspec: " + specs.size() + " specs, " + written + " files written, "
        + (outputs.size() - written) + " unchanged, in " + outputDirectory);
  }

  /** The {@code pytorch} target: the Python modules of every spec, all made before the first is written. */
  private void generatePytorch() throws IOException, MojoFailureException, MojoExecutionException {
    List<Path> specs = SpecFiles.list(specDirectory.toPath());
    Map<Path, List<Path>> chains = new LinkedHashMap<>();
    specs.forEach(spec -> chains.put(spec, SpecFiles.chain(spec)));
    try {
      int written = PytorchOutput.write(load(specs), chains, pythonOutputDirectory.toPath());
      getLog().info("netspec: " + specs.size() + " specs, " + written + " Python files written, in "
          + pythonOutputDirectory);
    } catch (SpecException e) {
      throw new MojoFailureException("netspec: the pytorch target cannot express these specs, nothing generated:"
          + System.lineSeparator() + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("netspec: " + e.getMessage());
    }
  }

  /** The settings the output depends on besides the spec files. */
  private List<String> settings() {
    return List.of(
        "generator " + generatorVersion(),
        "package " + packageName,
        "sources " + outputDirectory.getAbsolutePath(),
        "resources " + resourceDirectory.getAbsolutePath());
  }

  /** The plugin's version; for a snapshot, also when its jars were built, since the version stays put. */
  private String generatorVersion() {
    String version = plugin.getVersion();
    if (!version.endsWith("-SNAPSHOT")) {
      return version;
    }
    return version + " " + jarStamp(GenerateMojo.class) + " " + jarStamp(NetworkGenerator.class);
  }

  private static String jarStamp(Class<?> type) {
    try {
      Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(jar) ? Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis() : "dir";
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  private boolean outputsExist(BuildStamp stamp) {
    return stamp.outputs().stream().allMatch(output -> Files.isRegularFile(outputFile(output)));
  }

  private Path outputFile(String output) {
    return output.startsWith(SOURCES)
        ? outputDirectory.toPath().resolve(output.substring(SOURCES.length()))
        : resourceDirectory.toPath().resolve(output.substring(RESOURCES.length()));
  }

  /**
   * Loads and analyses every spec, in order, and checks that no two would be generated into one package.
   *
   * @throws MojoFailureException listing every mistake of every spec, as {@code file:line:column: error: ...}
   */
  private Map<Path, NetworkAnalysis> load(List<Path> specs) throws MojoFailureException, MojoExecutionException {
    Map<Path, NetworkAnalysis> analyses = new LinkedHashMap<>();
    List<Diagnostic> mistakes = new ArrayList<>();
    for (Path spec : specs) {
      try {
        analyses.put(spec, Analyzer.analyze(SpecLoader.load(spec)));
      } catch (SpecException e) {
        mistakes.addAll(e.diagnostics());
      } catch (IOException e) {
        throw new MojoExecutionException("netspec: cannot read " + spec + ": " + e.getMessage(), e);
      }
    }
    mistakes.addAll(ClassNames.packageClashes(analyses.values().stream().map(NetworkAnalysis::spec).toList()));
    if (!mistakes.isEmpty()) {
      throw new MojoFailureException("netspec: " + mistakes.size() + (mistakes.size() == 1 ? " error" : " errors")
          + " in specs, nothing generated:" + System.lineSeparator()
          + mistakes.stream().map(Diagnostic::toString).collect(Collectors.joining(System.lineSeparator())));
    }
    return analyses;
  }

  /**
   * The copies of each spec and of the specs it extends, in the spec's package folder, at their paths
   * relative to the spec (a parent outside the spec's folder goes beside it, by file name).
   */
  private Map<String, byte[]> resources(
      NetworkGenerator generator, Map<Path, NetworkAnalysis> analyses, Map<Path, List<Path>> chains)
      throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (Map.Entry<Path, NetworkAnalysis> entry : analyses.entrySet()) {
      Path spec = entry.getKey();
      String folder = generator.specPackage(entry.getValue().spec()).replace('.', '/');
      for (Path file : chains.get(spec)) {
        Path relative = spec.getParent().relativize(file).normalize();
        if (relative.startsWith("..")) {
          getLog().warn("netspec: " + file + " is outside " + spec.getParent()
              + "; its copy goes beside " + spec.getFileName());
          relative = file.getFileName();
        }
        resources.put(folder + "/" + relative.toString().replace(File.separatorChar, '/'),
            Files.readAllBytes(file));
      }
    }
    return resources;
  }

  /**
   * Deletes what the previous run wrote and this one did not (the output of a removed spec), and the package
   * folders that leaves empty.
   */
  private void deleteStale(BuildStamp previous, List<String> outputs, SourceWriter sources,
      SourceWriter resources) throws IOException {
    for (String output : previous.outputs()) {
      if (!outputs.contains(output)) {
        boolean source = output.startsWith(SOURCES);
        Path root = source ? sources.root() : resources.root();
        Path stale = source
            ? sources.resolve(output.substring(SOURCES.length()))
            : resources.resolve(output.substring(RESOURCES.length()));
        if (Files.deleteIfExists(stale)) {
          getLog().info("netspec: deleted " + stale + ", whose spec is gone");
        }
        deleteEmptyFolders(stale.getParent(), root);
      }
    }
  }

  /** Deletes {@code folder} and its parents up to (not including) {@code root} while they are empty. */
  private static void deleteEmptyFolders(Path folder, Path root) throws IOException {
    Path top = root.toAbsolutePath().normalize();
    for (Path dir = folder.toAbsolutePath().normalize(); dir.startsWith(top) && !dir.equals(top);
        dir = dir.getParent()) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (java.util.stream.Stream<Path> children = Files.list(dir)) {
        if (children.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(dir);
    }
  }
}
