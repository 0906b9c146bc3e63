package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.analysis.NetworkAnalysis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated sources depend only on the specs: same specs, same bytes, whatever the order given. */
class DeterminismTest {

  @Test
  void twoRunsGiveTheSameBytes() {
    List<JavaSource> first = generate(false);
    List<JavaSource> second = generate(true);
    assertEquals(first, second);
  }

  @Test
  void theIndexListsEveryNetworkInFileNameOrder() {
    List<JavaSource> sources = generate(false);
    JavaSource index = sources.get(sources.size() - 1);
    assertEquals("io.netspec.models.NetspecModels", index.qualifiedName());
    String content = index.content();
    // '-' sorts before '.': googlenet-fashion.yaml, googlenet-torchvision.yaml, googlenet.yaml
    int fashion = content.indexOf(" GooglenetFashion.class");
    int torchvision = content.indexOf(" GooglenetTorchvision.class");
    int googlenet = content.indexOf(" Googlenet.class");
    assertTrue(fashion > 0 && fashion < torchvision && torchvision < googlenet, content);
  }

  @Test
  void eachSpecIsOneClassComposingTheBlocksLibrary() {
    NetworkGenerator generator = NetworkGenerator.builder().optPackageName("com.example.nets").build();
    List<String> torchvision = generator.generate(ShippedSpecs.analyze("googlenet-torchvision.yaml")).stream()
        .map(JavaSource::qualifiedName).toList();
    assertEquals(List.of("com.example.nets.googlenettorchvision.GooglenetTorchvision"), torchvision);
  }

  @Test
  void rejectsABadPackageName() {
    assertThrows(IllegalArgumentException.class, () -> NetworkGenerator.builder().optPackageName("a.class.b"));
    assertThrows(IllegalArgumentException.class, () -> NetworkGenerator.builder().optPackageName("a..b"));
  }

  private static List<JavaSource> generate(boolean reversed) {
    List<NetworkAnalysis> analyses = new ArrayList<>();
    for (String name : ShippedSpecs.names()) {
      analyses.add(ShippedSpecs.analyze(name));
    }
    if (reversed) {
      Collections.reverse(analyses);
    }
    return NetworkGenerator.builder().build().generateAll(analyses);
  }
}
