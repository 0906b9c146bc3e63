package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.spec.NetworkSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row names become members that clash neither with each other nor with what a block already has. */
class MemberNamesTest {

  @Test
  void lowerCamelCase() {
    assertEquals("inception3a", JavaNames.lowerCamel("inception_3a"));
    assertEquals("fcOut", JavaNames.lowerCamel("fc_out"));
    assertEquals("conv1", JavaNames.lowerCamel("conv1"));
    assertEquals("newRow", JavaNames.lowerCamel("new"));
    assertThrows(IllegalArgumentException.class, () -> JavaNames.lowerCamel("two words"));
  }

  @Test
  void takenNamesGetASuffix() {
    JavaNames names = JavaNames.reserving(Set.of("builder"));
    assertEquals("builderRow", names.member("builder"));
    assertEquals("conv1", names.member("conv_1"));
    assertEquals("conv1Row", names.member("conv1"));
    assertEquals("conv1Row2", names.member("conv1_"));
  }

  @Test
  void aNetworkNamedLikeADjlClassCompiles(@TempDir Path folder) throws IOException {
    String yaml = """
        input: 8x8x1
        classes: 2
        layers:
          - {name: pool, type: max_pool, patch: 2x2/2}
          - {name: fc, type: linear, units: classes}
        auxiliary_classifiers: []
        """;
    Block network = GeneratedNetworks.compile(TempSpecs.analyze(folder, "pool.yaml", yaml)).build();
    assertEquals("Pool", network.getClass().getSimpleName());
  }

  /**
   * The loader refuses {@code inception-module.yaml} and {@code builder.yaml} (the bad-spec corpus); the
   * generator still refuses such a class name in a spec built without the loader.
   */
  @Test
  void aNetworkNamedLikeAModuleClassIsRefused(@TempDir Path folder) throws IOException, SpecException {
    String yaml = """
        input: 8x8x1
        classes: 2
        layers:
          - {name: fc, type: linear, units: classes}
        auxiliary_classifiers: []
        """;
    NetworkSpec spec = TempSpecs.analyze(folder, "net.yaml", yaml).spec();
    NetworkGenerator generator = NetworkGenerator.builder().build();
    for (String className : new String[] {"InceptionModule", "Builder"}) {
      NetworkAnalysis analysis = Analyzer.analyze(new NetworkSpec(spec.file(), className, spec.input(),
          spec.classes(), spec.layers(), spec.auxClassifiers(), spec.printed(), spec.sha256(), spec.description()));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> generator.generate(analysis));
      assertTrue(e.getMessage().contains("rename the spec"), e.getMessage());
    }
  }

  @Test
  void rowsNamedLikeBlockMembersStillCompileAndRun(@TempDir Path folder) throws IOException {
    String yaml = """
        input: 8x8x1
        classes: 2
        layers:
          - {name: num_classes, type: convolution, patch: 3x3/1, filters: 2}
          - {name: x, type: convolution, patch: 3x3/1, filters: 2}
          - {name: get_children, type: convolution, patch: 3x3/1, filters: 2}
          - {name: conv_1, type: convolution, patch: 3x3/1, filters: 2}
          - {name: params, type: global_avg_pool}
          - {name: builder, type: linear, units: classes}
        auxiliary_classifiers: []
        """;
    GeneratedNetworks generated = GeneratedNetworks.compile(TempSpecs.analyze(folder, "clashes.yaml", yaml));
    Block network = generated.build();
    assertEquals(2, GeneratedNetworks.call(network, "numClasses"));
    for (String accessor : new String[] {"numClassesRow", "x", "getChildrenRow", "conv1", "params", "builderRow"}) {
      GeneratedNetworks.call(network, accessor);
    }
    assertEquals("01num_classes", network.getChildren().keys().get(0));
  }
}
