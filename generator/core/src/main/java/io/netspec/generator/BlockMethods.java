package io.netspec.generator;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/**
 * The members every generated block shares: its serialisation version and the signatures of the
 * {@code AbstractBlock} methods it overrides. Bodies are left to the caller.
 */
final class BlockMethods {

  /** The parameter names of the generated overrides; row accessors must not shadow them. */
  static final String PARAMETER_STORE = "parameterStore";
  static final String INPUTS = "inputs";
  static final String TRAINING = "training";
  static final String PARAMS = "params";
  static final String MANAGER = "manager";
  static final String DATA_TYPE = "dataType";
  static final String INPUT_SHAPES = "inputShapes";

  private BlockMethods() {}

  /** {@code private static final byte VERSION = 1;}, passed to {@code super(VERSION)}. */
  static FieldSpec version() {
    return FieldSpec.builder(byte.class, "VERSION", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("1")
        .build();
  }

  /** {@code protected NDList forwardInternal(ParameterStore, NDList, boolean, PairList<String, Object>)}. */
  static MethodSpec.Builder forwardInternal() {
    return MethodSpec.methodBuilder("forwardInternal")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(Djl.ND_LIST)
        .addParameter(Djl.PARAMETER_STORE, PARAMETER_STORE)
        .addParameter(Djl.ND_LIST, INPUTS)
        .addParameter(boolean.class, TRAINING)
        .addParameter(Djl.FORWARD_PARAMS, PARAMS);
  }

  /** {@code public Shape[] getOutputShapes(Shape[] inputShapes)}. */
  static MethodSpec.Builder getOutputShapes() {
    return MethodSpec.methodBuilder("getOutputShapes")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ArrayTypeName.of(Djl.SHAPE))
        .addParameter(ArrayTypeName.of(Djl.SHAPE), INPUT_SHAPES);
  }

  /** {@code protected void initializeChildBlocks(NDManager, DataType, Shape...)}. */
  static MethodSpec.Builder initializeChildBlocks() {
    return MethodSpec.methodBuilder("initializeChildBlocks")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(Djl.ND_MANAGER, MANAGER)
        .addParameter(Djl.DATA_TYPE, DATA_TYPE)
        .addParameter(ArrayTypeName.of(Djl.SHAPE), INPUT_SHAPES)
        .varargs();
  }

  /** A getter {@code public T name() { return name; }} with the given javadoc. */
  static MethodSpec accessor(FieldSpec field, String javadoc) {
    return MethodSpec.methodBuilder(field.name)
        .addModifiers(Modifier.PUBLIC)
        .returns(field.type)
        .addJavadoc("$L\n", javadoc)
        .addStatement("return $N", field)
        .build();
  }
}
