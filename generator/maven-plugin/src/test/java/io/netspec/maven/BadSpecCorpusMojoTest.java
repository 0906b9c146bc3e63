package io.netspec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.load.BadSpecCorpus;
import io.netspec.generator.NetworkGenerator;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-spec corpus of the dsl module ({@code dsl/src/test/resources/bad-specs}) through the plugin: for each
 * file, {@link GenerateMojo} runs in-process on a spec folder holding a copy of that one file (with the files it
 * extends, at the same relative places), and must fail with exactly the diagnostics the file's
 * {@code # expect:} lines state, writing nothing: no source, no resource, no stamp, no temporary file.
 */
class BadSpecCorpusMojoTest {

  /** The repository, from this module's folder, where Maven runs the tests. */
  private static final Path REPOSITORY = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Path CORPUS = BadSpecCorpus.folder(REPOSITORY);
  private static final Pattern DIAGNOSTIC = Pattern.compile("(.+?):(\\d+):(\\d+): error: (.*)");

  @TempDir
  Path work;

  @TestFactory
  Stream<DynamicTest> everyBadSpecFailsTheBuildAndWritesNothing() throws IOException {
    List<Path> cases = BadSpecCorpus.files(CORPUS);
    assertTrue(cases.size() >= 40, "issue 5 asks for at least 40 bad specs; found " + cases.size());
    return cases.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(),
        () -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> failsAndWritesNothing(spec))));
  }

  private void failsAndWritesNothing(Path spec) throws Exception {
    Path root = Files.createTempDirectory(work, "case");
    Path folder = copyCase(spec, root);
    List<Path> copied = files(root);
    Path out = root.resolve("out");
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> mojo(folder, out).execute());

    List<String> expected = BadSpecCorpus.expectations(spec).stream().map(line -> inFolder(line, folder)).toList();
    List<String> lines = failure.getMessage().lines().toList();
    assertEquals("netspec: " + expected.size() + (expected.size() == 1 ? " error" : " errors")
        + " in specs, nothing generated:", lines.get(0));
    assertEquals(expected, lines.subList(1, lines.size()));
    assertEquals(List.of(), files(out), "a failed build writes nothing");
    assertEquals(copied, files(root), "nothing is written beside the specs either");
  }

  /** A spec of issue 5's size, 100 MiB: a spec-looking start, then zeros (sparse, so the test writes little). */
  @Test
  void aHundredMegabyteSpecFailsTheBuildAndWritesNothing() throws Exception {
    Path folder = Files.createDirectories(work.resolve("specs"));
    Path huge = folder.resolve("huge.yaml");
    Files.writeString(huge, "input: 32x32x3\nclasses: 10\nlayers:\n  - {name: fc, type: linear, units: classes}\n");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(100L * 1024 * 1024);
    }
    Path out = work.resolve("out");
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> mojo(folder, out).execute());
    assertEquals(List.of("netspec: 1 error in specs, nothing generated:",
        huge + ":1:1: error: the file has 104857600 bytes; a spec may have at most 1048576"),
        failure.getMessage().lines().toList());
    assertEquals(List.of(), files(out));
  }

  /** {@code my-net.yaml} and {@code my_net.yaml} both give package {@code mynet}: the build names both files. */
  @Test
  void twoSpecsOfOnePackageFailTheBuildAndWriteNothing() throws Exception {
    Path folder = Files.createDirectories(work.resolve("specs"));
    String spec = "input: 32x32x3\nclasses: 10\nlayers:\n  - {name: fc, type: linear, units: classes}\n";
    Files.writeString(folder.resolve("my-net.yaml"), spec);
    Files.writeString(folder.resolve("my_net.yaml"), spec);
    Path out = work.resolve("out");
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> mojo(folder, out).execute());
    assertEquals(List.of("netspec: 1 error in specs, nothing generated:",
        folder.resolve("my_net.yaml") + ":1:1: error: the file name 'my_net.yaml' gives package 'mynet', the same"
            + " package as " + folder.resolve("my-net.yaml") + "; rename one of the files"),
        failure.getMessage().lines().toList());
    assertEquals(List.of(), files(out));
  }

  /** The package is the build's own input, not a spec's: text that is not a Java package name writes nothing. */
  @ParameterizedTest
  @ValueSource(strings = {"x; System.exit(0); //", "../../../etc", "com.example.class", "a\\u002eb"})
  void aPackageThatIsNotAJavaNameWritesNothing(String packageName) throws Exception {
    Path folder = Files.createDirectories(work.resolve("specs"));
    copyYamlFiles(REPOSITORY.resolve("specs"), folder);
    Path out = work.resolve("out");
    GenerateMojo mojo = mojo(folder, out);
    set(mojo, "packageName", packageName);
    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(failure.getMessage().startsWith("netspec: not a Java package name: '" + packageName),
        failure.getMessage());
    assertEquals(List.of(), files(out));
  }

  /** The harness itself: the same set-up with a good spec does write, so "nothing written" above means something. */
  @Test
  void aGoodSpecIsGenerated() throws Exception {
    Path folder = Files.createDirectories(work.resolve("specs"));
    copyYamlFiles(REPOSITORY.resolve("specs"), folder);
    Path out = work.resolve("out");
    mojo(folder, out).execute();
    assertTrue(Files.isRegularFile(out.resolve(
        "sources/io/netspec/models/googlenetfashion/GooglenetFashion.java")), files(out).toString());
    assertFalse(files(out).stream().anyMatch(file -> file.toString().endsWith(".tmp")), files(out).toString());
  }

  /** {@code parents/a.yaml:2:10: error: ...} as the plugin names the file: its absolute path in {@code folder}. */
  private static String inFolder(String expected, Path folder) {
    Matcher matcher = DIAGNOSTIC.matcher(expected);
    assertTrue(matcher.matches(), "not a diagnostic: " + expected);
    return folder.resolve(matcher.group(1)).normalize() + expected.substring(matcher.group(1).length());
  }

  /**
   * Copies one case below {@code root} at the corpus's place relative to the repository, with the corpus's
   * {@code parents/} and the repository's {@code specs/}, so that its {@code extends} resolve as in place.
   *
   * @return the folder holding the copy
   */
  private static Path copyCase(Path spec, Path root) throws IOException {
    Path folder = Files.createDirectories(root.resolve(REPOSITORY.relativize(CORPUS).toString()));
    Files.copy(spec, folder.resolve(spec.getFileName().toString()));
    copyYamlFiles(CORPUS.resolve("parents"), Files.createDirectories(folder.resolve("parents")));
    copyYamlFiles(REPOSITORY.resolve("specs"), Files.createDirectories(root.resolve("specs")));
    return folder;
  }

  private static void copyYamlFiles(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    }
  }

  /** The mojo as Maven would configure it, writing below {@code out}. */
  /** The plugin as Maven would configure it, on {@code specs}, writing under {@code out}. */
  static GenerateMojo mojo(Path specs, Path out) throws ReflectiveOperationException {
    GenerateMojo mojo = new GenerateMojo();
    set(mojo, "specDirectory", specs.toFile());
    set(mojo, "outputDirectory", out.resolve("sources").toFile());
    set(mojo, "resourceDirectory", out.resolve("resources").toFile());
    set(mojo, "buildDirectory", out.resolve("build").toFile());
    set(mojo, "packageName", NetworkGenerator.DEFAULT_PACKAGE);
    set(mojo, "project", new MavenProject());
    PluginDescriptor plugin = new PluginDescriptor();
    plugin.setVersion("1.0-test");
    set(mojo, "plugin", plugin);
    set(mojo, "execution", new MojoExecution(new MojoDescriptor(), "default"));
    return mojo;
  }

  private static void set(GenerateMojo mojo, String name, Object value) throws ReflectiveOperationException {
    Field field = GenerateMojo.class.getDeclaredField(name);
    field.setAccessible(true);
    field.set(mojo, value);
  }

  /** Every file below {@code folder}, sorted; none if it does not exist. */
  private static List<Path> files(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return new ArrayList<>(files.filter(file -> !Files.isDirectory(file)).sorted().toList());
    }
  }
}
