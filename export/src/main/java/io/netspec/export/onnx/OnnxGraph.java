package io.netspec.export.onnx;

import com.google.protobuf.ByteString;
import io.netspec.export.onnx.proto.Onnx.AttributeProto;
import io.netspec.export.onnx.proto.Onnx.GraphProto;
import io.netspec.export.onnx.proto.Onnx.NodeProto;
import io.netspec.export.onnx.proto.Onnx.TensorProto;
import io.netspec.export.onnx.proto.Onnx.TensorShapeProto;
import io.netspec.export.onnx.proto.Onnx.TypeProto;
import io.netspec.export.onnx.proto.Onnx.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A graph under construction: nodes in the order they are added (which is topological, each reading values
 * added before it), initializers, the input and output. A node's output value and the node share one name.
 */
final class OnnxGraph {

  /** The name of the batch axis, which is left free. */
  static final String BATCH = "N";

  private final GraphProto.Builder graph = GraphProto.newBuilder();

  OnnxGraph(String name, String docString) {
    graph.setName(name).setDocString(docString);
  }

  /** Adds a node {@code name = opType(inputs)} and returns its output's name, {@code name}. */
  String node(String opType, String name, AttributeProto[] attributes, String... inputs) {
    NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(name).addOutput(name);
    node.addAllInput(Arrays.asList(inputs));
    node.addAllAttribute(Arrays.asList(attributes));
    graph.addNode(node);
    return name;
  }

  /** A node without attributes. */
  String node(String opType, String name, String... inputs) {
    return node(opType, name, new AttributeProto[0], inputs);
  }

  /** Adds a float32 initializer, its values row-major in little-endian bytes, and returns its name. */
  String floats(String name, long[] dims, float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    graph.addInitializer(tensor(name, dims, TensorProto.DataType.FLOAT).setRawData(ByteString.copyFrom(bytes)));
    return name;
  }

  /** Adds an int64 initializer (axes, shapes) and returns its name. */
  String longs(String name, long... values) {
    graph.addInitializer(tensor(name, new long[] {values.length}, TensorProto.DataType.INT64)
        .addAllInt64Data(Arrays.stream(values).boxed().toList()));
    return name;
  }

  private static TensorProto.Builder tensor(String name, long[] dims, TensorProto.DataType type) {
    TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
    for (long dim : dims) {
      tensor.addDims(dim);
    }
    return tensor;
  }

  /** Declares the graph's float32 input of shape {@code (N, dims...)}. */
  void input(String name, long... dims) {
    graph.addInput(value(name, dims));
  }

  /** Declares the graph's float32 output of shape {@code (N, dims...)}. */
  void output(String name, long... dims) {
    graph.addOutput(value(name, dims));
  }

  private static ValueInfoProto value(String name, long[] dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
    for (long dim : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
  }

  GraphProto build() {
    return graph.build();
  }

  /** An integer attribute. */
  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  /** A float attribute. */
  static AttributeProto real(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
        .build();
  }

  /** An attribute listing integers. */
  static AttributeProto integers(String name, long... values) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS)
        .addAllInts(Arrays.stream(values).boxed().toList()).build();
  }
}
