package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import javax.lang.model.element.Modifier;

/** The parts of a DJL-style builder: {@code setX} for required values, {@code optX} for the others. */
final class BuilderMethods {

  private BuilderMethods() {}

  /** {@code public static Builder builder()} on the built class. */
  static MethodSpec builderFactory(ClassName builder, String built) {
    return MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addJavadoc("Creates a builder for {@code $L}.\n\n@return a new builder\n", built)
        .addStatement("return new $T()", builder)
        .build();
  }

  /** The private no-argument constructor of a builder. */
  static MethodSpec constructor() {
    return MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build();
  }

  /** A private builder field, with an initial value unless {@code initializer} is empty. */
  static FieldSpec field(TypeName type, String name, CodeBlock initializer) {
    FieldSpec.Builder field = FieldSpec.builder(type, name, Modifier.PRIVATE);
    if (!initializer.isEmpty()) {
      field.initializer(initializer);
    }
    return field.build();
  }

  /**
   * A setter that stores its argument in {@code field} and returns the builder; {@code check} runs first
   * (empty for none).
   */
  static MethodSpec setter(
      ClassName builder, String method, FieldSpec field, String javadoc, String paramDoc,
      CodeBlock check) {
    return MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(field.type, field.name)
        .addJavadoc("$L\n\n@param $N $L\n@return this builder\n", javadoc, field, paramDoc)
        .addCode(check)
        .addStatement("this.$N = $N", field, field)
        .addStatement("return this")
        .build();
  }

  /** {@code if (!(condition)) throw new IllegalArgumentException(message + value)}. */
  static CodeBlock require(String condition, String message, FieldSpec field) {
    return CodeBlock.builder()
        .beginControlFlow("if (!($L))", condition)
        .addStatement("throw new $T($S + $N)", IllegalArgumentException.class, message, field)
        .endControlFlow()
        .build();
  }
}
