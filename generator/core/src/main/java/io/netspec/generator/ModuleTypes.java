package io.netspec.generator;

import com.squareup.javapoet.ClassName;

/** The module classes of one spec package, by kind: how generated classes refer to each other. */
record ModuleTypes(String packageName) {

  ClassName of(ModuleKind kind) {
    return kind.className(packageName);
  }

  ClassName convolutionUnit() {
    return of(ModuleKind.CONVOLUTION_UNIT);
  }
}
