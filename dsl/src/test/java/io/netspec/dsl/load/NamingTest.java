package io.netspec.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
