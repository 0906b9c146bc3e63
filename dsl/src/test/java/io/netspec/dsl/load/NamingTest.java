package io.netspec.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.InputShape;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.NetworkSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Class names from file names (spec-format.md: PascalCase of the name without .yaml), accessor names. */
class NamingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "googlenet-fashion.yaml, GooglenetFashion",
    "googlenet.yaml, Googlenet",
    "my_net-v2.yaml, MyNetV2",
    "tinyNet.yaml, TinyNet",
  })
  void classNameIsPascalCaseOfTheFileName(String file, String className) {
    assertEquals(Optional.of(className), ClassNames.of(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"net.yml", "2net.yaml", "google net.yaml", "net.v2.yaml", "-net.yaml", ".yaml"})
  void fileNamesThatGiveNoClassName(String file) {
    assertEquals(Optional.empty(), ClassNames.of(file));
  }

  @Test
  void accessorNamesAreLowerCamelCase() {
    assertEquals("inception3a", NameRules.lowerCamel("inception_3a"));
    assertEquals("fcOut", NameRules.lowerCamel("fc_out"));
    assertEquals("aux1", NameRules.lowerCamel("aux1"));
  }

  @Test
  void suggestionsAreNearMisses() {
    assertEquals(Optional.of("filters"), Suggestions.nearest("filter", List.of("patch", "filters")));
    assertEquals(Optional.empty(), Suggestions.nearest("colour", List.of("patch", "filters")));
  }

  @Test
  void aClassNamedLikeAGeneratedClassIsRefused() {
    assertEquals(Optional.of("class Builder, the name of the builder class nested in every generated network"
        + " class"), ClassNames.unusable("Builder"));
    assertEquals(Optional.of("class MaxPool, the name of the block class io.netspec.blocks.MaxPool that generated"
        + " code uses"), ClassNames.unusable("MaxPool"));
    // no class of the spec's package but the network's own: another letter case clashes with no file
    assertEquals(Optional.empty(), ClassNames.unusable("Maxpool"));
    assertEquals(Optional.empty(), ClassNames.unusable("Builders"));
    assertEquals(Optional.empty(), ClassNames.unusable("NetspecModels")); // the index is in the base package
  }

  @Test
  void specsOfOnePackageClashNamingTheFileThatKeepsIt() {
    List<NetworkSpec> specs = List.of(spec("b/my_net.yaml", "MyNet"), spec("a/mynet.yaml", "Mynet"),
        spec("my-net.yaml", "MyNet"), spec("other.yaml", "Other"));
    assertEquals(List.of(
            new Diagnostic(SourceLocation.ofFile("b/my_net.yaml"), "the file name 'my_net.yaml' gives package"
                + " 'mynet', the same package as my-net.yaml; rename one of the files"),
            new Diagnostic(SourceLocation.ofFile("a/mynet.yaml"), "the file name 'mynet.yaml' gives package"
                + " 'mynet', the same package as my-net.yaml; rename one of the files")),
        ClassNames.packageClashes(specs));
    assertEquals(List.of(new Diagnostic(SourceLocation.ofFile("other.yaml"), "the spec is given twice; give each"
            + " spec once")),
        ClassNames.packageClashes(List.of(spec("other.yaml", "Other"), spec("other.yaml", "Other"))));
  }

  private static NetworkSpec spec(String file, String className) {
    return new NetworkSpec(file, className, new InputShape(8, 8, 1), 10,
        List.of(new Linear("fc", SourceLocation.ofFile(file), "fc", 10, true, true,
            Activation.NONE)), List.of(), Map.of(), "0");
  }
}
