package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in memory against the test class path (DJL's api) with {@code -Xlint:all},
 * fails on any warning or error, and loads the classes.
 */
final class InMemoryCompiler {

  private InMemoryCompiler() {}

  /** Compiles the sources; any diagnostic but a note fails the test. */
  static ClassLoader compile(List<JavaSource> sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8);
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(
          Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"),
            kind) {
          @Override
          public OutputStream openOutputStream() {
            return classes.computeIfAbsent(className, name -> new ByteArrayOutputStream());
          }
        };
      }
    };
    List<JavaFileObject> units = sources.stream().map(InMemoryCompiler::unit).toList();
    List<String> options = List.of("-Xlint:all", "--release", "17", "-proc:none", "-encoding", "UTF-8",
        "-classpath", System.getProperty("java.class.path"));
    boolean ok = compiler.getTask(null, manager, diagnostics, options, null, units).call();
    String report = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + " " + d.getSource().getName() + ":" + d.getLineNumber() + ": "
            + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
    assertTrue(ok && report.isEmpty(), () -> "javac -Xlint:all reported:\n" + report);
    return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] code = bytes.toByteArray();
        return defineClass(name, code, 0, code.length);
      }
    };
  }

  /** The source as a compilation unit named after its path, as javac expects. */
  static JavaFileObject unit(JavaSource source) {
    return new SimpleJavaFileObject(URI.create("mem:///" + source.relativePath()), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source.content();
      }
    };
  }
}
