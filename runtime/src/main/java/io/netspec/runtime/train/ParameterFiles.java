package io.netspec.runtime.train;

import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the header of a DJL parameter file ({@code DJL@}, format version, model name, data type, inputs, then
 * the model's properties, as DJL 0.36's {@code BaseModel.save} writes it) without loading the parameters: the
 * {@code Epoch} property tells which epoch a {@code last.params} or {@code best.params} holds.
 */
final class ParameterFiles {

  private static final String MAGIC = "DJL@";
  private static final int VERSION = 1;

  private ParameterFiles() {}

  /** The epoch whose parameters {@code file} holds. */
  static int epoch(Path file) throws IOException {
    String epoch = properties(file).get("Epoch");
    try {
      return Integer.parseInt(epoch);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": records no epoch (Epoch property " + epoch + ")", e);
    }
  }

  /** The properties saved with the model. */
  static Map<String, String> properties(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
      byte[] magic = in.readNBytes(MAGIC.length());
      if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
        throw new IOException(file + ": not a DJL parameter file");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + ": DJL parameter format " + version + ", expected " + VERSION);
      }
      in.readUTF(); // model name
      in.readUTF(); // data type
      int inputs = in.readInt();
      for (int i = 0; i < inputs; i++) {
        in.readUTF();
        Shape.decode(in);
      }
      int count = in.readInt();
      Map<String, String> properties = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        properties.put(in.readUTF(), in.readUTF());
      }
      return properties;
    }
  }
}
