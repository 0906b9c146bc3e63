package io.netspec.export.onnx;

import ai.djl.nn.Block;
import com.google.gson.Gson;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.analysis.TensorShape;
import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.LayerVisitor;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.Softmax;
import io.netspec.export.onnx.proto.Onnx.ModelProto;
import io.netspec.export.onnx.proto.Onnx.OperatorSetIdProto;
import io.netspec.export.onnx.proto.Onnx.StringStringEntryProto;

/**
 * The ONNX model of a spec's inference network: the main path only (auxiliary classifiers are for training),
 * with the parameters of a DJL network built from the same spec (a generated class or the interpreter's).
 *
 * <p>The graph reads {@value #INPUT}, {@code (N, channels, height, width)} float32 images normalised as in
 * training, the batch axis {@code N} free, and outputs {@value #OUTPUT}, {@code (N, classes)}: the logits the DJL
 * network outputs, without softmax. The same spec, parameters and metadata give the same bytes.
 *
 * <pre>{@code
 * NetworkAnalysis analysis = Analyzer.analyze(SpecLoader.load(Path.of("specs/googlenet.yaml")));
 * ModelProto model = OnnxExporter.export(analysis, network, metadata);
 * OnnxFiles.write(model, Path.of("googlenet.onnx"));
 * }</pre>
 */
public final class OnnxExporter {

  /** The ONNX IR version written: 8, which ONNX 1.10 and later read. */
  public static final long IR_VERSION = 8;

  /** The opset of the default domain: 13, the first with {@code Squeeze} and {@code Unsqueeze} axes as inputs. */
  public static final long OPSET = 13;

  public static final String INPUT = "images";
  public static final String OUTPUT = "logits";

  private static final String PRODUCER = "netspec";

  private OnnxExporter() {}

  /**
   * Exports the main path of a network for inference, each batch normalisation folded into the convolution
   * before it (one Conv node, no BatchNormalization): {@link #export(NetworkAnalysis, Block, OnnxMetadata,
   * boolean)} with {@code true}.
   *
   * @param analysis the checked spec the network was built from
   * @param network the DJL network, initialised or with parameters loaded; its children are read by name
   * @param metadata the class names (as many as the network's logits) and the input normalisation
   * @return the model
   * @throws ExportException if the network's parameters are not those the spec describes
   */
  public static ModelProto export(NetworkAnalysis analysis, Block network, OnnxMetadata metadata)
      throws ExportException {
    return export(analysis, network, metadata, true);
  }

  /**
   * Exports the main path of a network.
   *
   * @param analysis the checked spec the network was built from
   * @param network the DJL network, initialised or with parameters loaded; its children are read by name
   * @param metadata the class names (as many as the network's logits) and the input normalisation
   * @param foldBatchNorm true: each batch normalisation folded into its convolution's weight and bias (the
   *     inference network, faster); false: BatchNormalization nodes with the trained parameters under their
   *     tensor names
   * @return the model
   * @throws ExportException if the network's parameters are not those the spec describes
   */
  public static ModelProto export(NetworkAnalysis analysis, Block network, OnnxMetadata metadata,
      boolean foldBatchNorm) throws ExportException {
    NetworkSpec spec = analysis.spec();
    int classes = metadata.classes().size();
    OnnxGraph graph = new OnnxGraph(spec.className(), spec.description());
    LayerNodes nodes = new LayerNodes(graph, classes, foldBatchNorm);
    TensorShape input = analysis.input();
    graph.input(INPUT, input.channels(), input.height(), input.width());
    Initializers parameters = Initializers.of(spec, network, classes);
    String x = INPUT;
    TensorShape shape = input;
    for (RowFigures row : analysis.rows()) {
      x = nodes.add(row.layer(), x, shape, parameters);
      shape = outputShape(row, shape, classes);
    }
    parameters.finish();
    if (shape.size() != classes) {
      throw new ExportException(spec.file() + ": the network outputs " + shape + " values per image, not one per "
          + "class (" + classes + ")");
    }
    graph.node("Identity", OUTPUT, x);
    graph.output(OUTPUT, classes);
    ModelProto.Builder model = ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName(PRODUCER)
        .setDocString(spec.description())
        .setGraph(graph.build());
    String version = OnnxExporter.class.getPackage().getImplementationVersion();
    if (version != null) {
      model.setProducerVersion(version);
    }
    metadata(model, OnnxMetadata.CLASSES, new Gson().toJson(metadata.classes()));
    metadata(model, OnnxMetadata.PIXEL_MEAN, Float.toString(metadata.pixelMean()));
    metadata(model, OnnxMetadata.PIXEL_STD, Float.toString(metadata.pixelStd()));
    metadata(model, OnnxMetadata.SPEC, metadata.specFile());
    metadata(model, OnnxMetadata.SPEC_SHA256, metadata.specSha256());
    return model.build();
  }

  /**
   * The shape a row outputs in the exported graph: the analysis's, but for the linear rows written
   * {@code units: classes}, which output the metadata's class count, and the rows that pass their input on
   * (dropout, softmax: the logits are the output).
   */
  private static TensorShape outputShape(RowFigures row, TensorShape input, int classes) {
    return row.layer().accept(new LayerVisitor<>() {
      @Override
      public TensorShape visitConvolution(Convolution layer) {
        return row.output();
      }

      @Override
      public TensorShape visitPool(Pool layer) {
        return row.output();
      }

      @Override
      public TensorShape visitGlobalAvgPool(GlobalAvgPool layer) {
        return row.output();
      }

      @Override
      public TensorShape visitAdaptiveAvgPool(AdaptiveAvgPool layer) {
        return row.output();
      }

      @Override
      public TensorShape visitLocalResponseNorm(LocalResponseNorm layer) {
        return row.output();
      }

      @Override
      public TensorShape visitInception(Inception layer) {
        return row.output();
      }

      @Override
      public TensorShape visitDropout(Dropout layer) {
        return input;
      }

      @Override
      public TensorShape visitLinear(Linear linear) {
        return new TensorShape(linear.toClasses() ? classes : linear.units(), 1, 1);
      }

      @Override
      public TensorShape visitSoftmax(Softmax layer) {
        return input;
      }
    });
  }

  private static void metadata(ModelProto.Builder model, String key, String value) {
    model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
  }
}
