package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeSpec;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.load.ClassNames;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dsl's loader refuses a spec file name whose class would clash with a class the generated code declares or
 * imports ({@link ClassNames}); it keeps the names without depending on the generator, so this test checks that
 * they are the generator's.
 */
class ModuleKindTest {

  @Test
  void theLoaderReservesTheBlockClassesTheGeneratorUses() throws Exception {
    List<String> used = new ArrayList<>();
    for (Field field : Djl.class.getDeclaredFields()) {
      if (field.get(null) instanceof ClassName type && type.packageName().equals(Djl.BLOCKS_PACKAGE)) {
        used.add(type.simpleName());
        Class.forName(type.canonicalName()); // the blocks library has it
      }
    }
    assertEquals(used.stream().sorted().toList(), ClassNames.BLOCK_CLASSES.stream().sorted().toList());
  }

  @Test
  void theLoaderReservesTheBuilderNestedInANetworkClass() {
    NetworkAnalysis analysis = ShippedSpecs.analyze("googlenet-fashion.yaml");
    NetworkGenerator generator = NetworkGenerator.builder().build();
    TypeSpec network = NetworkType.of(analysis, generator.specPackage(analysis.spec())).typeSpec();
    assertEquals(List.of(ClassNames.BUILDER_CLASS), network.typeSpecs.stream().map(type -> type.name).toList());
  }

  @Test
  void theGeneratorPlacesEachSpecInThePackageOfTheNamingRules() {
    NetworkAnalysis analysis = ShippedSpecs.analyze("googlenet-fashion.yaml");
    assertEquals("com.example.googlenetfashion",
        NetworkGenerator.builder().optPackageName("com.example").build().specPackage(analysis.spec()));
  }
}
