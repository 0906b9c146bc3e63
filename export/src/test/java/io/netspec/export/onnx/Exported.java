package io.netspec.export.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.export.onnx.proto.Onnx.ModelProto;
import io.netspec.interpreter.InterpretedNetwork;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * A spec's network built by the interpreter (auxiliary classifiers on, as in training), every parameter set to
 * seeded random values (batch normalisation statistics too, so that a mix-up of scale, shift, mean and variance
 * shows), exported, and both run on the same random batch: the DJL network in inference on the PyTorch engine,
 * the ONNX model by ONNX Runtime (CPU).
 */
final class Exported implements AutoCloseable {

  static final int BATCH = 3;

  final NetworkAnalysis analysis;
  final InterpretedNetwork network;
  final ModelProto model;
  private final NDManager manager;

  private Exported(NetworkAnalysis analysis, InterpretedNetwork network, ModelProto model, NDManager manager) {
    this.analysis = analysis;
    this.network = network;
    this.model = model;
    this.manager = manager;
  }

  static Exported of(Path spec, long seed) throws Exception {
    return of(spec, seed, true);
  }

  /** As {@link #of(Path, long)}, with batch normalisation folded into the convolutions or not. */
  static Exported of(Path spec, long seed, boolean foldBatchNorm) throws Exception {
    NetworkAnalysis analysis = Analyzer.analyze(SpecLoader.load(spec));
    InterpretedNetwork network = InterpretedNetwork.builder(analysis.spec()).build();
    NDManager manager = NDManager.newBaseManager();
    ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed); // the weights' initialisation
    network.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(network.inputShape()));
    randomize(network, new Random(seed));
    ModelProto model = OnnxExporter.export(analysis, network, metadata(network.numClasses()), foldBatchNorm);
    return new Exported(analysis, network, model, manager);
  }

  static OnnxMetadata metadata(int classes) {
    return new OnnxMetadata(OnnxMetadata.numberedClasses(classes), 0.25f, 0.5f, "test.yaml", "0123");
  }

  /** Weights keep their initialisation; biases, batch normalisation scale, shift and statistics are drawn. */
  private static void randomize(InterpretedNetwork network, Random random) {
    for (Pair<String, Parameter> entry : network.getParameters()) {
      String name = entry.getKey().substring(entry.getKey().lastIndexOf('_') + 1);
      NDArray array = entry.getValue().getArray();
      float low;
      float high;
      switch (name) {
        case "gamma", "runningVar" -> {
          low = 0.5f;
          high = 1.5f;
        }
        case "beta", "runningMean", "bias" -> {
          low = -0.5f;
          high = 0.5f;
        }
        default -> {
          continue;
        }
      }
      float[] values = new float[Math.toIntExact(array.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = low + (high - low) * random.nextFloat();
      }
      array.set(FloatBuffer.wrap(values));
    }
  }

  /** A batch of {@link #BATCH} images of uniform values in [-1, 1), flat. */
  float[] batch(long seed) {
    Random random = new Random(seed);
    float[] values = new float[Math.toIntExact(BATCH * network.inputShape().size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = 2 * random.nextFloat() - 1;
    }
    return values;
  }

  long[] batchShape() {
    return new Shape(BATCH).addAll(network.inputShape()).getShape();
  }

  /** The DJL network's logits, in inference. */
  float[][] djlLogits(float[] batch) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray input = scope.create(batch, new Shape(batchShape()));
      NDList output = network.forward(new ParameterStore(scope, false), new NDList(input), false);
      return rows(output.get(0).toFloatArray(), network.numClasses());
    }
  }

  /** The exported model's logits, by ONNX Runtime. */
  float[][] onnxLogits(float[] batch) throws OrtException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession session = environment.createSession(model.toByteArray(), new OrtSession.SessionOptions());
        OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(batch), batchShape());
        OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
      return (float[][]) result.get(OnnxExporter.OUTPUT).orElseThrow().getValue();
    }
  }

  private static float[][] rows(float[] flat, int columns) {
    float[][] rows = new float[flat.length / columns][columns];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(flat, i * columns, rows[i], 0, columns);
    }
    return rows;
  }

  static float maxAbsDifference(float[][] a, float[][] b) {
    float max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return max;
  }

  @Override
  public void close() {
    manager.close();
  }
}
