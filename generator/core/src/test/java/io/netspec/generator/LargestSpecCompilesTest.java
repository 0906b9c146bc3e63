package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row limit ({@link YamlLimits#MAX_ROWS}) keeps what passes the checks compilable: a spec of that many of
 * the rows whose construction is longest in the generated code (Inception modules), with an auxiliary
 * classifier, generates sources javac compiles without "code too large". Without the limit, about 1,500 rows
 * ended in that javac error after every spec check had passed.
 */
class LargestSpecCompilesTest {

  @Test
  void aSpecOfTheMostRowsAllowedCompiles(@TempDir Path folder) throws IOException {
    int inceptions = YamlLimits.MAX_ROWS - 6; // + conv, pool, fc and the aux classifier's 3 rows
    StringBuilder yaml = new StringBuilder("""
        input: 8x8x3
        classes: 3
        layers:
          - {name: conv, type: convolution, patch: 3x3/1, filters: 8, padding: 1}
        """);
    for (int i = 0; i < inceptions; i++) {
      yaml.append("  - {name: inc").append(i).append(", type: inception, 1x1: 2, 3x3_reduce: 2, 3x3: 2, ")
          .append("5x5_reduce: 2, 5x5: 1, pool_proj: 1}\n");
    }
    yaml.append("""
          - {name: pool, type: global_avg_pool}
          - {name: fc, type: linear, units: classes}
        auxiliary_classifiers:
          - name: aux
            after: inc0
            loss_weight: 0.3
            layers:
              - {name: pool, type: global_avg_pool}
              - {name: fc1, type: linear, units: 4}
              - {name: fc2, type: linear, units: classes}
        """);
    NetworkAnalysis analysis = TempSpecs.analyze(folder, "largest.yaml", yaml.toString());
    assertEquals(YamlLimits.MAX_ROWS - 3, analysis.spec().layers().size());
    List<JavaSource> sources = NetworkGenerator.builder().build().generateAll(List.of(analysis));
    InMemoryCompiler.compile(sources); // throws on any compile error, "code too large" included
  }
}
