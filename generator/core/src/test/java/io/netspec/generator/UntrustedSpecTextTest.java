package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import io.netspec.dsl.analysis.NetworkAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec text copied into generated comments is user input: a description that closes the comment, hides a
 * line break in a Unicode escape, or looks like a statement must give code that compiles and runs nothing
 * of it.
 */
class UntrustedSpecTextTest {

  private static final String HOSTILE = "closes */ then \\u000a System.exit(1); then \"; System.exit(0); //"
      + " @deprecated {@code x} <b> \\\\u002a/ caf\u00e9";

  @Test
  void hostileDescriptionCompilesAndInjectsNothing(@TempDir Path folder) throws IOException {
    String yaml = "description: '" + HOSTILE.replace("'", "''") + "'\n"
        + """
        input: 8x8x1
        classes: 2
        layers:
          - {name: conv, type: convolution, patch: 3x3/1, filters: 4}    # */ \\u000a System.exit(2);
          - {name: pool, type: global_avg_pool}
          - {name: fc, type: linear, units: classes}
        auxiliary_classifiers: []
        """;
    NetworkAnalysis analysis = TempSpecs.analyze(folder, "hostile.yaml", yaml);
    assertEquals(HOSTILE, analysis.spec().description());
    List<JavaSource> sources = NetworkGenerator.builder().build().generateAll(List.of(analysis));

    InMemoryCompiler.compile(sources); // no error, no warning
    assertEquals(List.of(), methodCalls(sources).stream().filter(call -> call.contains("exit")).toList());
    String network = sources.get(0).content();
    assertTrue(network.contains("closes *&#47; then &#92;u000a System.exit(1);"), network);
    assertFalse(network.contains("\\u"), "no backslash-u reaches the source");
    assertTrue(network.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "ASCII only");
  }

  @Test
  void javadocTextIsEscaped() {
    assertEquals("a *&#47; b", JavadocText.escape("a */ b"));
    assertEquals("&#92;u000a", JavadocText.escape("\\u000a"));
    assertEquals("&#92;&#92;u000a", JavadocText.escape("\\\\u000a"));
    assertEquals("&#64;param &lt;b&gt; &amp;", JavadocText.escape("@param <b> &"));
    assertEquals("line one line two", JavadocText.escape("line one\nline two"));
    assertEquals("caf&#233; &#128512;", JavadocText.escape("caf\u00e9 \ud83d\ude00"));
    assertEquals("/* a / b", JavadocText.escape("/* a / b"));
  }

  /** The method calls in the sources, as javac parses them: {@code System.exit}, {@code conv.forward}... */
  private static List<String> methodCalls(List<JavaSource> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    JavacTask task = (JavacTask) compiler.getTask(null, null, null, List.of("-proc:none"), null,
        sources.stream().map(InMemoryCompiler::unit).toList());
    List<String> calls = new ArrayList<>();
    for (CompilationUnitTree unit : task.parse()) {
      unit.accept(new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          calls.add(call.getMethodSelect().toString().toLowerCase(Locale.ROOT));
          return super.visitMethodInvocation(call, unused);
        }
      }, null);
    }
    assertFalse(calls.isEmpty());
    return calls;
  }
}
