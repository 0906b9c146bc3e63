package io.netspec.export.onnx;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.netspec.export.onnx.proto.Onnx.ModelProto;
import io.netspec.export.onnx.proto.Onnx.StringStringEntryProto;
import io.netspec.export.onnx.proto.Onnx.TensorShapeProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writing an exported model whole or not at all, and reading back what netspec's predictor needs of one. */
public final class OnnxFiles {

  private OnnxFiles() {}

  /**
   * Writes the model to {@code file}: to a temporary file beside it first, moved over {@code file} when complete,
   * so that a failure leaves no partial file and an existing one untouched.
   *
   * @throws IOException if the folder does not exist or cannot be written
   */
  public static void write(ModelProto model, Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such folder");
    }
    if (Files.isDirectory(file)) {
      throw new IOException(file + ": is a folder");
    }
    Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".part");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        model.writeTo(out);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * What netspec's metadata and the graph's input say of an exported model.
   *
   * @param metadata the class names and the input normalisation
   * @param input the input's shape without the batch axis: channels, height, width
   */
  public record Description(OnnxMetadata metadata, long[] input) {}

  /**
   * Reads the metadata netspec writes and the input's shape from an ONNX file.
   *
   * @throws IOException if the file cannot be read, is no ONNX model, or lacks netspec's metadata
   */
  public static Description describe(Path file) throws IOException {
    ModelProto model;
    try (InputStream in = Files.newInputStream(file)) {
      model = ModelProto.parseFrom(in);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IOException(file + ": not an ONNX model (" + e.getMessage() + ")", e);
    }
    Map<String, String> values = new HashMap<>();
    for (StringStringEntryProto entry : model.getMetadataPropsList()) {
      values.put(entry.getKey(), entry.getValue());
    }
    if (!values.containsKey(OnnxMetadata.CLASSES) || model.getGraph().getInputCount() != 1) {
      throw new IOException(file + ": not an ONNX model exported by netspec (no class names in its metadata)");
    }
    try {
      String[] classes = new Gson().fromJson(values.get(OnnxMetadata.CLASSES), String[].class);
      OnnxMetadata metadata = new OnnxMetadata(List.of(classes),
          Float.parseFloat(values.getOrDefault(OnnxMetadata.PIXEL_MEAN, "0")),
          Float.parseFloat(values.getOrDefault(OnnxMetadata.PIXEL_STD, "1")),
          values.getOrDefault(OnnxMetadata.SPEC, ""), values.getOrDefault(OnnxMetadata.SPEC_SHA256, ""));
      List<TensorShapeProto.Dimension> dims =
          model.getGraph().getInput(0).getType().getTensorType().getShape().getDimList();
      if (dims.size() != 4) {
        throw new IOException(file + ": the input is not (N, C, H, W) images");
      }
      long[] input = dims.subList(1, 4).stream().mapToLong(TensorShapeProto.Dimension::getDimValue).toArray();
      return new Description(metadata, input);
    } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
      throw new IOException(file + ": malformed netspec metadata (" + e.getMessage() + ")", e);
    }
  }
}
