package io.netspec.runtime.eval;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.netspec.export.onnx.OnnxFiles;
import io.netspec.export.onnx.OnnxMetadata;
import io.netspec.runtime.data.ImageShape;
import io.netspec.runtime.data.ImageTransform;
import io.netspec.runtime.data.LabeledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A network exported by {@code netspec export --format onnx}, run by ONNX Runtime through DJL's OnnxRuntime
 * engine (CPU), with the class names and input normalisation of the model's metadata. Used for inference only.
 */
public final class OnnxModel implements AutoCloseable {

  /** DJL's name of the ONNX Runtime engine. */
  public static final String ENGINE = "OnnxRuntime";

  private static final String EXTENSION = ".onnx";

  private final OnnxMetadata metadata;
  private final ImageTransform transform;
  private final Model model;
  private final Predictor<NDList, NDList> predictor;

  private OnnxModel(OnnxMetadata metadata, ImageTransform transform, Model model) {
    this.metadata = metadata;
    this.transform = transform;
    this.model = model;
    this.predictor = model.newPredictor(new NoopTranslator());
  }

  /** Whether {@code path} names an ONNX file rather than a run folder. */
  public static boolean isOnnxFile(Path path) {
    return path.getFileName() != null && path.getFileName().toString().endsWith(EXTENSION)
        && !Files.isDirectory(path);
  }

  /**
   * Loads an exported model.
   *
   * @throws NoSuchFileException if there is no such file
   * @throws IOException if it is no ONNX model with netspec's metadata, or ONNX Runtime refuses it
   */
  public static OnnxModel open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    OnnxFiles.Description description = OnnxFiles.describe(file);
    long[] input = description.input();
    OnnxMetadata metadata = description.metadata();
    ImageTransform transform = new ImageTransform((int) input[0], (int) input[1], (int) input[2],
        metadata.pixelMean(), metadata.pixelStd());
    Model model = Model.newInstance(file.getFileName().toString(), Device.cpu(), ENGINE);
    try {
      model.load(file);
    } catch (MalformedModelException | IOException | RuntimeException e) {
      model.close();
      throw new IOException(file + ": ONNX Runtime cannot load it (" + e.getMessage() + ")", e);
    }
    return new OnnxModel(metadata, transform, model);
  }

  public List<String> classes() {
    return metadata.classes();
  }

  /** The images the model reads. */
  public ImageShape imageShape() {
    return new ImageShape(transform.channels(), transform.height(), transform.width());
  }

  /** The logits of images {@code from} to {@code to} (exclusive), {@code (to - from) * classes} values. */
  public float[] logits(LabeledImages images, int from, int to) {
    NDManager manager = model.getNDManager();
    try (NDList input = new NDList(manager.create(transform.applyAll(images, from, to),
        new Shape(to - from, transform.channels(), transform.height(), transform.width())));
        NDList output = predictor.predict(input)) {
      return output.get(0).toFloatArray();
    } catch (TranslateException e) {
      throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  /** The {@code k} most likely classes of every image. */
  public List<Prediction> predict(LabeledImages images, int k) {
    float[] logits = logits(images, 0, images.count());
    try (NDManager manager = NDManager.newBaseManager()) { // the default engine's softmax
      return Prediction.of(manager.create(logits, new Shape(images.count(), classes().size())), classes(), k);
    }
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }
}
