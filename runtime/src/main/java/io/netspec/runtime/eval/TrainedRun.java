package io.netspec.runtime.eval;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netspec.blocks.NetworkBlock;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.exchange.WeightsException;
import io.netspec.report.run.RunLayout;
import io.netspec.runtime.data.ImageShape;
import io.netspec.runtime.data.ImageTransform;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.models.ModelException;
import io.netspec.runtime.models.ModelRecord;
import io.netspec.runtime.models.Network;
import io.netspec.runtime.train.ParameterFiles;
import io.netspec.runtime.weights.WeightsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished (or interrupted) training run, read back from its folder: the network rebuilt from
 * {@code run.json}, the parameters of {@code best.params} or {@code last.params} loaded into it, the class
 * names of {@code class_indices.json}, and the input transform of the training data (image size,
 * normalisation). Used for inference only.
 */
public final class TrainedRun implements AutoCloseable {

  /** The image side assumed for a run folder that does not record it (Fashion-MNIST's). */
  private static final int DEFAULT_IMAGE_SIDE = 28;

  private final Path folder;
  private final JsonObject description;
  private final List<String> classes;
  private final Network network;
  private final Model model;
  private final ImageTransform transform;

  private TrainedRun(Path folder, JsonObject description, List<String> classes, Network network, Model model,
      ImageTransform transform) {
    this.folder = folder;
    this.description = description;
    this.classes = classes;
    this.network = network;
    this.model = model;
    this.transform = transform;
  }

  /**
   * Opens a run folder.
   *
   * @param parameters {@code best} or {@code last}: which parameter file to load
   * @throws NoSuchFileException if the folder or one of its files is missing
   * @throws IOException if a file is malformed
   * @throws ModelException if the run's network cannot be rebuilt
   * @throws SpecException if the run folder's copy of its spec file has mistakes
   */
  public static TrainedRun open(Path folder, String parameters) throws IOException, ModelException, SpecException {
    if (!Files.isDirectory(folder)) {
      throw new NoSuchFileException(folder.toString(), null, "no such run folder");
    }
    JsonObject run = JsonFiles.readObject(folder.resolve(RunLayout.RUN_JSON));
    Path indices = folder.resolve(RunLayout.CLASS_INDICES);
    List<String> classes = classNames(indices);
    JsonElement classCount = run.get("classes");
    if (classCount != null && classCount.isJsonPrimitive() && classCount.getAsInt() != classes.size()) {
      throw new IOException(indices + ": names " + classes.size() + " classes, but the run's network has "
          + classCount.getAsInt() + " (run.json); the file does not belong to this run");
    }
    if (classes.stream().distinct().count() != classes.size()) {
      throw new IOException(indices + ": names a class twice " + classes);
    }
    try {
      Network network = ModelRecord.rebuild(folder, run).build(Optional.of(run.get("classes").getAsInt()),
          Optional.of(run.get("aux_classifiers").getAsBoolean()));
      JsonObject data = run.getAsJsonObject("data");
      Shape input = network.type().inputShape();
      ImageTransform transform = new ImageTransform((int) input.get(0), (int) input.get(1), (int) input.get(2),
          data.get("pixel_mean").getAsFloat(), data.get("pixel_std").getAsFloat());
      Model model = Model.newInstance(network.type().stem(), firstDevice());
      model.setBlock(network.block());
      Path file = RunLayout.parameters(folder, parameters);
      Path safetensors = folder.resolve(parameters + WeightsFile.SUFFIX);
      if (!Files.exists(file) && Files.isRegularFile(safetensors)) {
        // a run of the PyTorch target's trainer (netspec_torch.train): its parameters under the tensor names
        try {
          WeightsFile.load(safetensors, network);
        } catch (WeightsException e) {
          model.close();
          throw new IOException(e.getMessage(), e);
        }
        return new TrainedRun(folder, run, classes, network, model, transform);
      }
      try {
        ParameterFiles.load(model, file, run, network.batchShape(1));
      } catch (IOException e) {
        model.close();
        throw e;
      }
      return new TrainedRun(folder, run, classes, network, model, transform);
    } catch (RuntimeException e) {
      throw new IOException(folder + ": cannot be read as a netspec run (" + e.getMessage() + ")", e);
    }
  }

  private static Device firstDevice() {
    return Engine.getInstance().getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
  }

  private static List<String> classNames(Path file) throws IOException {
    JsonObject indices = JsonFiles.readObject(file);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < indices.size(); i++) {
      JsonElement name = indices.get(Integer.toString(i));
      if (name == null) {
        throw new IOException(file + ": class " + i + " has no name");
      }
      names.add(name.getAsString());
    }
    return names;
  }

  public Path folder() {
    return folder;
  }

  /** The class names, by class index. */
  public List<String> classes() {
    return classes;
  }

  public Network network() {
    return network;
  }

  /**
   * Folds each batch normalisation into the convolution before it, for inference ({@link
   * NetworkBlock#foldBatchNorm()}): call it once the parameters to use are loaded. The parameters keep their
   * trained values; the network can no longer be trained.
   *
   * @return false if the run's network is no {@link NetworkBlock} (a class generated before the blocks
   *     library) and runs unfolded
   */
  public boolean foldBatchNorm() {
    if (network.block() instanceof NetworkBlock blocks) {
      blocks.foldBatchNorm();
      return true;
    }
    return false;
  }

  /** The transform from the training images' format to the network's input. */
  public ImageTransform transform() {
    return transform;
  }

  /** What the run's images were converted to when loaded, before the network's input transform. */
  public ImageShape imageShape() {
    return new ImageShape(dataInt("image_channels", 1), dataInt("image_height", DEFAULT_IMAGE_SIDE),
        dataInt("image_width", DEFAULT_IMAGE_SIDE));
  }

  /** The {@code --data} argument the run was trained with; empty for the embedded sample. */
  public Optional<String> dataArgument() {
    JsonElement argument = description.getAsJsonObject("data").get("argument");
    return argument == null || argument.isJsonNull() ? Optional.empty() : Optional.of(argument.getAsString());
  }

  /** The {@code --limit} the run was trained with; 0 for all images. */
  public int limit() {
    return dataInt("limit", 0);
  }

  /** The held-out accuracy the run recorded for its best epoch, if it recorded one. */
  public Optional<Double> bestAccuracy() {
    JsonElement best = description.get("best_val_accuracy");
    return best == null ? Optional.empty() : Optional.of(best.getAsDouble());
  }

  private int dataInt(String key, int fallback) {
    JsonElement value = description.getAsJsonObject("data").get(key);
    return value == null ? fallback : value.getAsInt();
  }

  /** The logits of images {@code from} to {@code to} (exclusive), {@code (N, classes)}, in inference mode. */
  public NDArray logits(NDManager manager, LabeledImages images, int from, int to) {
    NDArray input = manager.create(transform.applyAll(images, from, to),
        new Shape(to - from).addAll(network.type().inputShape()));
    NDList output = network.block().forward(new ParameterStore(manager, false), new NDList(input), false);
    return output.head();
  }

  /** Top-1, top-5 and the confusion matrix over every image, {@code batchSize} at a time. */
  public Scores score(LabeledImages images, int batchSize) {
    Scores scores = new Scores(classes);
    try (NDManager manager = model.getNDManager().newSubManager()) {
      for (int from = 0; from < images.count(); from += batchSize) {
        int to = Math.min(images.count(), from + batchSize);
        try (NDManager batch = manager.newSubManager()) {
          int[] labels = new int[to - from];
          for (int i = from; i < to; i++) {
            labels[i - from] = images.label(i);
          }
          scores.add(logits(batch, images, from, to), batch.create(labels));
        }
      }
    }
    return scores;
  }

  /** The {@code k} most likely classes of every image. */
  public List<Prediction> predict(LabeledImages images, int k) {
    try (NDManager manager = model.getNDManager().newSubManager()) {
      return Prediction.of(logits(manager, images, 0, images.count()), classes, k);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
