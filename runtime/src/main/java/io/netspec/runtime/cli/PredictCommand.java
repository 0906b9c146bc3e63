package io.netspec.runtime.cli;

import io.netspec.runtime.data.DataException;
import io.netspec.runtime.data.ImageFiles;
import io.netspec.runtime.data.ImageShape;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.eval.OnnxModel;
import io.netspec.runtime.eval.Prediction;
import io.netspec.runtime.eval.TrainedRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netspec predict RUN IMAGE...}: the most likely classes of images, by a trained run's network; or by an
 * exported ONNX model ({@code predict MODEL.onnx IMAGE...}), run by ONNX Runtime.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Classifies image files (PNG, JPEG) with a run's network: the top classes by probability "
        + "(softmax of the logits), named as the run's class_indices.json names them. RUN may be a .onnx file "
        + "from netspec export, run by ONNX Runtime, its class names from its metadata.")
final class PredictCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN",
      description = "a run folder, e.g. runs/train-1, or an exported MODEL.onnx")
  private Path run;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "image files")
  private List<Path> images;

  @Option(names = "--top", paramLabel = "K", defaultValue = "3",
      description = "classes shown per image (default: ${DEFAULT-VALUE})")
  private int top;

  @Option(names = "--params", paramLabel = "P", defaultValue = "best",
      description = "best or last: which epoch's parameters (default: ${DEFAULT-VALUE})")
  private EvalCommand.ParameterChoice params;

  @Override
  public Integer call() throws Exception {
    Options.requirePositive(spec, "--top", top);
    if (OnnxModel.isOnnxFile(run)) {
      try (OnnxModel onnx = OnnxModel.open(run)) {
        return print(onnx.imageShape(), batch -> onnx.predict(batch, top));
      }
    }
    try (TrainedRun trained = TrainedRun.open(run, params.fileName())) {
      return print(trained.imageShape(), batch -> trained.predict(batch, top));
    }
  }

  /** Reads the images as the network's input and prints the top classes of each. */
  private int print(ImageShape shape, Function<LabeledImages, List<Prediction>> network)
      throws IOException, DataException {
    PrintWriter out = spec.commandLine().getOut();
    int size = shape.channels() * shape.height() * shape.width();
    byte[] pixels = new byte[images.size() * size];
    for (int i = 0; i < images.size(); i++) {
      byte[] image = ImageFiles.read(images.get(i), shape.channels(), shape.height(), shape.width());
      System.arraycopy(image, 0, pixels, i * size, size);
    }
    LabeledImages batch = new LabeledImages("images", shape.channels(), shape.height(), shape.width(), pixels,
        new byte[images.size()]);
    List<Prediction> predictions = network.apply(batch);
    for (int i = 0; i < images.size(); i++) {
      out.printf("%s: %s%n", images.get(i), predictions.get(i).ranked().stream()
          .map(c -> String.format("%s %.1f%%", c.name(), 100 * c.probability()))
          .collect(Collectors.joining(", ")));
    }
    out.flush();
    return 0;
  }
}
