package io.netspec.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.export.onnx.OnnxExporter;
import io.netspec.export.onnx.OnnxFiles;
import io.netspec.export.onnx.OnnxMetadata;
import io.netspec.runtime.eval.OnnxModel;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.ModelType;
import io.netspec.runtime.models.Network;
import io.netspec.runtime.specs.SpecArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Inference throughput of a generated network on DJL's PyTorch engine against its ONNX export on ONNX Runtime
 * (DJL's OnnxRuntime engine), side by side in one process: the same seeded parameters, the same batch, rounds
 * alternating which side goes first, each side warmed up; the median of the rounds' images per second. Also
 * records the largest difference between the two sides' logits.
 *
 * <p>{@code OnnxThroughput RESULTS.json THREADS ROUNDS MODEL:BATCH...}, run by bench/onnx (see BENCHMARKS.md).
 */
public final class OnnxThroughput {

  private static final int WARMUP = 2;
  private static final int ITERATIONS = 4;

  private OnnxThroughput() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    StringBuilder json = new StringBuilder("{\"date\":\"")
        .append(DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC))).append("\",")
        .append("\"threads\":").append(threads).append(",\"rounds\":").append(rounds)
        .append(",\"cpus\":").append(Runtime.getRuntime().availableProcessors()).append(",\"cases\":[");
    for (int i = 3; i < args.length; i++) {
      String[] modelAndBatch = args[i].split(":");
      json.append(i > 3 ? "," : "").append(measure(modelAndBatch[0], Integer.parseInt(modelAndBatch[1]), threads,
          rounds));
    }
    json.append("]}\n");
    Files.writeString(results, json);
    System.out.print(json);
  }

  private static String measure(String name, int batch, int threads, int rounds) throws Exception {
    Engine.getInstance().setRandomSeed(42);
    ModelType type = ModelCatalog.generated().find(name);
    NetworkAnalysis analysis = SpecArguments.analyzeModel(type);
    Network network = type.build(Optional.empty(), Optional.of(false));
    Path file = Files.createTempFile("netspec-bench-", ".onnx");
    try (NDManager manager = NDManager.newBaseManager()) {
      network.initialize(manager);
      OnnxFiles.write(OnnxExporter.export(analysis, network.block(),
          new OnnxMetadata(OnnxMetadata.numberedClasses(network.classes()), 0, 1, type.specFile(), "")), file);
      NDArray images = manager.randomNormal(network.batchShape(batch));
      float[] pixels = images.toFloatArray();
      ParameterStore parameters = new ParameterStore(manager, false);
      JniUtils.setGradMode(false);
      try (Model onnx = Model.newInstance("bench", Device.cpu(), OnnxModel.ENGINE)) {
        onnx.load(file, null, Map.of("interOpNumThreads", "1", "intraOpNumThreads", Integer.toString(threads)));
        try (Predictor<NDList, NDList> predictor = onnx.newPredictor(new NoopTranslator())) {
          Side djl = () -> {
            try (NDManager step = manager.newSubManager()) {
              images.tempAttach(step);
              return network.block().forward(parameters, new NDList(images), false).head().toFloatArray();
            }
          };
          Side ort = () -> {
            try (NDList input = new NDList(onnx.getNDManager().create(pixels, images.getShape()));
                NDList output = predictor.predict(input)) {
              return output.get(0).toFloatArray();
            }
          };
          float difference = maxAbsDifference(djl.run(), ort.run());
          List<Double> djlRates = new ArrayList<>();
          List<Double> ortRates = new ArrayList<>();
          for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
              djlRates.add(rate(djl, batch));
              ortRates.add(rate(ort, batch));
            } else {
              ortRates.add(rate(ort, batch));
              djlRates.add(rate(djl, batch));
            }
          }
          double djlMedian = median(djlRates);
          double ortMedian = median(ortRates);
          return String.format(Locale.ROOT, "{\"model\":\"%s\",\"input\":\"%s\",\"batch\":%d,\"onnx_bytes\":%d,"
                  + "\"max_abs_difference\":%.3g,\"djl_pytorch_images_per_second\":%.2f,"
                  + "\"onnxruntime_images_per_second\":%.2f,\"ratio_ort_to_djl\":%.3f,\"djl_rounds\":%s,"
                  + "\"ort_rounds\":%s,\"engines\":\"%s %s / OnnxRuntime %s\"}",
              name, new Shape(network.batchShape(1).slice(1).getShape()), batch, Files.size(file), difference,
              djlMedian, ortMedian, ortMedian / djlMedian, rounded(djlRates), rounded(ortRates),
              Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(),
              Engine.getEngine(OnnxModel.ENGINE).getVersion());
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** One inference pass whose logits reach Java. */
  private interface Side {
    float[] run() throws Exception;
  }

  private static double rate(Side side, int batch) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      side.run();
    }
    long start = System.nanoTime();
    for (int i = 0; i < ITERATIONS; i++) {
      side.run();
    }
    return batch * ITERATIONS / ((System.nanoTime() - start) / 1e9);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String rounded(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
  }

  private static float maxAbsDifference(float[] a, float[] b) {
    float max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
