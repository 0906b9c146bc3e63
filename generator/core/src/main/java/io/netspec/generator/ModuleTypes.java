package io.netspec.generator;

import com.squareup.javapoet.ClassName;

/**
 * The module classes of one spec package, by kind: how generated classes refer to each other, and the
 * defaults their builders take from the spec.
 *
 * @param packageName the spec's package
 * @param defaults what the builders of {@code ConvolutionUnit} and {@code InceptionModule} assume
 */
record ModuleTypes(String packageName, ModuleDefaults defaults) {

  ClassName of(ModuleKind kind) {
    return kind.className(packageName);
  }

  ClassName convolutionUnit() {
    return of(ModuleKind.CONVOLUTION_UNIT);
  }
}
