package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.javapoet.TypeSpec;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.load.ClassNames;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dsl's loader refuses a spec file name whose class would clash with a class the generator writes
 * ({@link ClassNames}); it keeps the names without depending on the generator, so this test checks that they
 * are the generator's.
 */
class ModuleKindTest {

  @Test
  void theLoaderReservesTheModuleClassesTheGeneratorWrites() {
    assertEquals(Arrays.stream(ModuleKind.values()).map(ModuleKind::simpleName).sorted().toList(),
        ClassNames.MODULE_CLASSES.stream().sorted().toList());
  }

  @Test
  void theLoaderReservesTheBuilderNestedInANetworkClass() {
    NetworkAnalysis analysis = ShippedSpecs.analyze("googlenet-fashion.yaml");
    NetworkGenerator generator = NetworkGenerator.builder().build();
    String specPackage = generator.specPackage(analysis.spec());
    TypeSpec network = NetworkType.of(analysis, new ModuleTypes(specPackage, ModuleDefaults.of(analysis.spec())))
        .typeSpec();
    assertEquals(List.of(ClassNames.BUILDER_CLASS), network.typeSpecs.stream().map(type -> type.name).toList());
  }

  @Test
  void theLoaderDerivesEachSpecsPackageAsTheGeneratorDoes() {
    for (String className : List.of("GooglenetFashion", "MyNetV2", "TinyNet")) {
      assertEquals("com.example." + ClassNames.packageName(className),
          JavaNames.specPackage("com.example", className));
    }
  }
}
