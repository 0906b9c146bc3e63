package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;

/** The DJL types that generated sources refer to. Generated code depends on {@code ai.djl:api} only. */
final class Djl {

  static final ClassName ABSTRACT_BLOCK = ClassName.get("ai.djl.nn", "AbstractBlock");
  static final ClassName BLOCK = ClassName.get("ai.djl.nn", "Block");
  static final ClassName LAMBDA_BLOCK = ClassName.get("ai.djl.nn", "LambdaBlock");
  static final ClassName BLOCKS = ClassName.get("ai.djl.nn", "Blocks");
  static final ClassName SEQUENTIAL_BLOCK = ClassName.get("ai.djl.nn", "SequentialBlock");
  static final ClassName ACTIVATION = ClassName.get("ai.djl.nn", "Activation");
  static final ClassName CONV2D = ClassName.get("ai.djl.nn.convolutional", "Conv2d");
  static final ClassName BATCH_NORM = ClassName.get("ai.djl.nn.norm", "BatchNorm");
  static final ClassName DROPOUT = ClassName.get("ai.djl.nn.norm", "Dropout");
  static final ClassName LINEAR = ClassName.get("ai.djl.nn.core", "Linear");
  static final ClassName POOL = ClassName.get("ai.djl.nn.pooling", "Pool");

  static final ClassName SHAPE = ClassName.get("ai.djl.ndarray.types", "Shape");
  static final ClassName DATA_TYPE = ClassName.get("ai.djl.ndarray.types", "DataType");
  static final ClassName ND_MANAGER = ClassName.get("ai.djl.ndarray", "NDManager");
  static final ClassName ND_ARRAY = ClassName.get("ai.djl.ndarray", "NDArray");
  static final ClassName ND_ARRAYS = ClassName.get("ai.djl.ndarray", "NDArrays");
  static final ClassName ND_LIST = ClassName.get("ai.djl.ndarray", "NDList");
  static final ClassName ND_INDEX = ClassName.get("ai.djl.ndarray.index", "NDIndex");
  static final ClassName PARAMETER_STORE = ClassName.get("ai.djl.training", "ParameterStore");
  static final ClassName PAIR_LIST = ClassName.get("ai.djl.util", "PairList");
  static final ClassName PAIR = ClassName.get("ai.djl.util", "Pair");

  /** {@code PairList<String, Object>}, the extra parameters of {@code forward}. */
  static final TypeName FORWARD_PARAMS =
      ParameterizedTypeName.get(PAIR_LIST, ClassName.get(String.class), ClassName.get(Object.class));

  /** {@code Pair<String, Block>}, a named child. */
  static final TypeName NAMED_BLOCK =
      ParameterizedTypeName.get(PAIR, ClassName.get(String.class), BLOCK);

  private Djl() {}
}
