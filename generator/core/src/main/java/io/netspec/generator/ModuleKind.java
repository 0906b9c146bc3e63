package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeSpec;
import java.util.function.Function;

/**
 * The block classes written once into each spec's package, when the spec uses them. DJL's own blocks cover
 * the other rows.
 */
enum ModuleKind {
  CONVOLUTION_UNIT("ConvolutionUnit", ConvolutionUnitType::create),
  INCEPTION_MODULE("InceptionModule", InceptionModuleType::create),
  AUX_CLASSIFIER("AuxClassifier", AuxClassifierType::create),
  LOCAL_RESPONSE_NORM("LocalResponseNorm", LocalResponseNormType::create),
  ADAPTIVE_AVG_POOL("AdaptiveAvgPool", AdaptiveAvgPoolType::create),
  MAX_POOL("MaxPool", MaxPoolType::create);

  private final String simpleName;
  private final Function<ModuleTypes, TypeSpec> emitter;

  ModuleKind(String simpleName, Function<ModuleTypes, TypeSpec> emitter) {
    this.simpleName = simpleName;
    this.emitter = emitter;
  }

  String simpleName() {
    return simpleName;
  }

  /** The class in the given spec package. */
  ClassName className(String packageName) {
    return ClassName.get(packageName, simpleName);
  }

  /** The class's source, for the package that {@code types} names. */
  TypeSpec typeSpec(ModuleTypes types) {
    return emitter.apply(types);
  }
}
