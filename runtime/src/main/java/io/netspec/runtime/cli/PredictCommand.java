package io.netspec.runtime.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netspec.blocks.Precision;
import io.netspec.runtime.data.DataException;
import io.netspec.runtime.data.FolderOptions;
import io.netspec.runtime.data.ImageFolder;
import io.netspec.runtime.data.ImagePaths;
import io.netspec.runtime.data.ImageShape;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.eval.OnnxModel;
import io.netspec.runtime.eval.Prediction;
import io.netspec.runtime.eval.TrainedRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netspec predict RUN PATH...}: the most likely classes of images, by a trained run's network, or by an
 * exported ONNX model ({@code predict MODEL.onnx PATH...}) run by ONNX Runtime. Files, folders and globs;
 * images are decoded in parallel and classified a batch at a time; a file that cannot be read is reported on its
 * own line and the others still run, and the exit code is 1 if any failed.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Classifies image files (PNG, JPEG) with a run's network: the top classes by probability "
        + "(softmax of the logits), named as the run's class_indices.json names them. PATH is a file, a folder "
        + "(its images and those of its subfolders) or a glob. Each unreadable file is reported on the error "
        + "stream; the others are still classified, and the exit code is then 1. RUN may be a .onnx file from "
        + "netspec export, run by ONNX Runtime, its class names from its metadata.")
final class PredictCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN",
      description = "a run folder, e.g. runs/train-1, or an exported MODEL.onnx")
  private Path run;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "image files, folders or globs")
  private List<String> paths;

  @Mixin
  private InferenceOptions inference;

  @Option(names = "--top", paramLabel = "K", defaultValue = "3",
      description = "classes shown per image (default: ${DEFAULT-VALUE})")
  private int top;

  @Option(names = "--json", description = "print the predictions as one JSON document instead of lines")
  private boolean json;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "also write the predictions to FILE: file, then class and probability for each of the top K")
  private Path csv;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "32",
      description = "images per forward pass (default: ${DEFAULT-VALUE})")
  private int batchSize;

  @Option(names = "--workers", paramLabel = "N",
      description = "threads that decode images (default: the cores)")
  private Integer workers;

  /** One classified file. */
  private record Classified(Path file, Prediction prediction) {}
  @Override
  public Integer call() throws Exception {
    Options.requirePositive(spec, "--top", top);
    Options.requirePositive(spec, "--batch-size", batchSize);
    if (workers != null) {
      Options.requirePositive(spec, "--workers", workers);
    }
    if (OnnxModel.isOnnxFile(run)) {
      if (inference.weights() != null) {
        throw new ParameterException(spec.commandLine(), "--weights is for a run folder, not an ONNX model");
      }
      if (inference.precision() != Precision.FP32) {
        throw new ParameterException(spec.commandLine(), "--precision is for a run folder, not an ONNX model");
      }
      try (OnnxModel onnx = OnnxModel.open(run)) {
        return classify(onnx.imageShape(), batch -> onnx.predict(batch, top));
      }
    }
    try (TrainedRun trained = inference.open(run)) {
      return classify(trained.imageShape(), batch -> trained.predict(batch, top));
    }
  }

  /**
   * Decodes the images of {@link #paths} a batch at a time, classifies them with {@code network} and prints the
   * top classes of each, the files that failed on the error stream.
   */
  private int classify(ImageShape shape, Function<LabeledImages, List<Prediction>> network)
      throws IOException, DataException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImagePaths found = ImagePaths.expand(paths);
    List<String> failures = new ArrayList<>(found.problems());
    List<Classified> results = new ArrayList<>();
    long start = System.nanoTime(); // decoding and classifying, not loading the network
    List<Path> files = found.files();
    for (int from = 0; from < files.size(); from += batchSize) {
      List<Path> batch = files.subList(from, Math.min(files.size(), from + batchSize));
      byte[][] decoded = ImageFolder.decodeAll(batch, shape,
          workers != null ? workers : FolderOptions.defaultWorkers(), failures::add);
      List<Path> kept = new ArrayList<>();
      int size = shape.channels() * shape.height() * shape.width();
      byte[] pixels = new byte[(int) IntStream.range(0, batch.size()).filter(i -> decoded[i] != null).count() * size];
      for (int i = 0; i < batch.size(); i++) {
        if (decoded[i] != null) {
          System.arraycopy(decoded[i], 0, pixels, kept.size() * size, size);
          kept.add(batch.get(i));
        }
      }
      if (kept.isEmpty()) {
        continue;
      }
      LabeledImages images = new LabeledImages("images", shape.channels(), shape.height(), shape.width(), pixels,
          new byte[kept.size()]);
      List<Prediction> predictions = network.apply(images);
      for (int i = 0; i < kept.size(); i++) {
        results.add(new Classified(kept.get(i), predictions.get(i)));
      }
    }
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    failures.forEach(problem -> err.println("netspec: error: " + problem));
    if (json) {
      out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson(results,
          failures)));
    } else {
      for (Classified result : results) {
        out.printf("%s: %s%n", result.file(), result.prediction().ranked().stream()
            .map(c -> String.format(Locale.ROOT, "%s %.1f%%", c.name(), 100 * c.probability()))
            .collect(Collectors.joining(", ")));
      }
    }
    if (csv != null) {
      writeCsv(results);
    }
    err.printf(Locale.ROOT, "netspec: %d image(s) classified, %d failed, in %.2f s (%.1f img/s decoded and classified, batches of %d)%n",
        results.size(), failures.size(), seconds, results.size() / seconds, batchSize);
    out.flush();
    err.flush();
    return failures.isEmpty() ? 0 : 1;
  }

  private JsonObject toJson(List<Classified> results, List<String> failures) {
    JsonObject document = new JsonObject();
    document.addProperty("run", run.toString());
    JsonArray predictions = new JsonArray();
    for (Classified result : results) {
      JsonObject one = new JsonObject();
      one.addProperty("file", result.file().toString());
      JsonArray ranked = new JsonArray();
      for (Prediction.RankedClass c : result.prediction().ranked()) {
        JsonObject entry = new JsonObject();
        entry.addProperty("class", c.name());
        entry.addProperty("index", c.index());
        entry.addProperty("probability", Math.round(c.probability() * 1e6) / 1e6);
        ranked.add(entry);
      }
      one.add("top", ranked);
      predictions.add(one);
    }
    document.add("predictions", predictions);
    JsonArray failed = new JsonArray();
    failures.forEach(failed::add);
    document.add("failed", failed);
    return document;
  }

  /** Writes the CSV beside its final name, then moves it into place: never half a file. */
  private void writeCsv(List<Classified> results) throws IOException {
    StringBuilder text = new StringBuilder("file");
    for (int k = 1; k <= top; k++) {
      text.append(",class_").append(k).append(",probability_").append(k);
    }
    text.append('\n');
    for (Classified result : results) {
      text.append(csvField(result.file().toString()));
      for (Prediction.RankedClass c : result.prediction().ranked()) {
        text.append(',').append(csvField(c.name())).append(',')
            .append(String.format(Locale.ROOT, "%.6f", c.probability()));
      }
      text.append('\n');
    }
    Path target = csv.toAbsolutePath();
    Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** A CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break. */
  private static String csvField(String value) {
    return value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n') ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
