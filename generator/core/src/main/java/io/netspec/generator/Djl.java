package io.netspec.generator;

import com.squareup.javapoet.ClassName;

/**
 * The types that generated sources refer to: DJL's ({@code ai.djl:api}) and netspec's blocks library
 * ({@code io.netspec:netspec-blocks}), the only two dependencies of generated code.
 */
final class Djl {

  static final ClassName ABSTRACT_BLOCK = ClassName.get("ai.djl.nn", "AbstractBlock");
  static final ClassName BLOCK = ClassName.get("ai.djl.nn", "Block");
  static final ClassName BLOCKS = ClassName.get("ai.djl.nn", "Blocks");
  static final ClassName SEQUENTIAL_BLOCK = ClassName.get("ai.djl.nn", "SequentialBlock");
  static final ClassName ACTIVATION = ClassName.get("ai.djl.nn", "Activation");
  static final ClassName DROPOUT = ClassName.get("ai.djl.nn.norm", "Dropout");
  static final ClassName LINEAR = ClassName.get("ai.djl.nn.core", "Linear");
  static final ClassName POOL = ClassName.get("ai.djl.nn.pooling", "Pool");

  static final ClassName SHAPE = ClassName.get("ai.djl.ndarray.types", "Shape");

  /** The blocks of {@code io.netspec.blocks} that generated networks compose. */
  static final String BLOCKS_PACKAGE = "io.netspec.blocks";
  static final ClassName CONVOLUTION_UNIT = ClassName.get(BLOCKS_PACKAGE, "ConvolutionUnit");
  static final ClassName INCEPTION_MODULE = ClassName.get(BLOCKS_PACKAGE, "InceptionModule");
  static final ClassName AUX_CLASSIFIER = ClassName.get(BLOCKS_PACKAGE, "AuxClassifier");
  static final ClassName LOCAL_RESPONSE_NORM = ClassName.get(BLOCKS_PACKAGE, "LocalResponseNorm");
  static final ClassName ADAPTIVE_AVG_POOL = ClassName.get(BLOCKS_PACKAGE, "AdaptiveAvgPool");
  static final ClassName MAX_POOL = ClassName.get(BLOCKS_PACKAGE, "MaxPool");
  static final ClassName NETWORK_BLOCK = ClassName.get(BLOCKS_PACKAGE, "NetworkBlock");

  private Djl() {}
}
