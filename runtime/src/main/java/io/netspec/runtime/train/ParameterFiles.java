package io.netspec.runtime.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netspec.report.run.RunLayout;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter files of a run folder ({@code last.params}, {@code best.params}): their header ({@code DJL@},
 * format version, model name, data type, inputs, then the model's properties, as DJL 0.36's
 * {@code BaseModel.save} writes it), whose {@code Epoch} property tells which epoch a file holds; their SHA-256
 * checksums, recorded in {@code run.json} under {@value #RECORD} as {@code {"best.params": {"epoch": 3,
 * "sha256": "..."}}}; and their loading, checked against that record, with the file named on any failure.
 *
 * <p>A file whose header names a later epoch than the record is one written just before a run was killed, before
 * {@code run.json} was updated: it is accepted unverified (the next epoch records it). A run folder from before
 * checksums were recorded has no record; its files load unverified.
 */
public final class ParameterFiles {

  /** The key of the checksums in {@code run.json}. */
  public static final String RECORD = "parameter_files";

  private static final String MAGIC = "DJL@";
  private static final int VERSION = 1;

  private ParameterFiles() {}

  /** The epoch whose parameters {@code file} holds. */
  public static int epoch(Path file) throws IOException {
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
      return properties(file, in);
    } catch (EOFException e) {
      throw new IOException(file + ": truncated: the file ends inside its header", e);
    } catch (UTFDataFormatException e) {
      throw new IOException(file + ": corrupt header (" + e.getMessage() + ")", e);
    }
  }

  private static void readToModelName(Path file, DataInputStream in) throws IOException {
    byte[] magic = in.readNBytes(MAGIC.length());
    if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
      throw new IOException(file + ": not a DJL parameter file");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(file + ": DJL parameter format " + version + ", expected " + VERSION);
    }
  }

  private static Map<String, String> properties(Path file, DataInputStream in) throws IOException {
    readToModelName(file, in);
    in.readUTF(); // model name
    in.readUTF(); // data type
    int inputs = in.readInt();
    for (int i = 0; i < inputs; i++) {
      in.readUTF();
      Shape.decode(in);
    }
    int count = in.readInt();
    if (count < 0 || count > 1024) {
      throw new IOException(file + ": corrupt header (" + count + " properties)");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      properties.put(in.readUTF(), in.readUTF());
    }
    return properties;
  }

  /** The file's SHA-256, as lower-case hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Records the checksum and epoch of the parameter file {@code which} of {@code folder} in {@code record}. */
  static void record(JsonObject record, Path folder, String which, int epoch) throws IOException {
    JsonObject entry = new JsonObject();
    entry.addProperty("epoch", epoch);
    entry.addProperty("sha256", sha256(RunLayout.parameters(folder, which)));
    record.add(RunLayout.parameterFile(which), entry);
  }

  /** The checksums recorded in a {@code run.json}; empty for a run from before they were recorded. */
  public static JsonObject recorded(JsonObject run) {
    JsonElement record = run.get(RECORD);
    return record != null && record.isJsonObject() ? record.getAsJsonObject().deepCopy() : new JsonObject();
  }

  /**
   * Checks a parameter file against the record of its {@code run.json}.
   *
   * @throws IOException naming the file and what is wrong: missing, truncated, not a parameter file, or
   *     changed since it was written (its checksum differs)
   */
  public static void verify(Path file, JsonObject run) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such parameter file");
    }
    int epoch = epoch(file);
    JsonElement entry = recorded(run).get(file.getFileName().toString());
    if (entry == null || !entry.isJsonObject()) {
      return; // a run from before checksums were recorded
    }
    int recordedEpoch = entry.getAsJsonObject().get("epoch").getAsInt();
    String expected = entry.getAsJsonObject().get("sha256").getAsString();
    if (epoch > recordedEpoch) {
      return; // written just before the run was killed, before run.json recorded it
    }
    if (epoch < recordedEpoch) {
      throw new IOException(file + ": holds epoch " + epoch + ", but run.json records epoch " + recordedEpoch
          + " for it (replaced by an older file?)");
    }
    String actual = sha256(file);
    if (!actual.equals(expected)) {
      throw new IOException(file + ": damaged: its SHA-256 is " + actual.substring(0, 12) + "…, run.json records "
          + expected.substring(0, Math.min(12, expected.length())) + "… (the file was changed or corrupted after "
          + "training wrote it)");
    }
  }

  /**
   * Verifies a parameter file ({@link #verify}) and loads it into {@code model}, whose block must be the run's
   * network, initialising the block first if it is not ({@code batchShape}: its input with a batch axis) and
   * checking that every parameter loaded has the shape the network gives it.
   *
   * @throws IOException naming the file and the reason, whatever went wrong
   */
  public static void load(Model model, Path file, JsonObject run, Shape batchShape) throws IOException {
    verify(file, run);
    Map<String, Shape> expected;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      // DJL loads arrays of any shape into a parameter; the network's own shapes, known once it is initialised,
      // tell whether the file is this network's
      Block block = model.getBlock();
      if (!block.isInitialized()) {
        block.initialize(model.getNDManager(), DataType.FLOAT32, batchShape);
      }
      expected = shapes(block);
      model.load(in);
    } catch (EOFException e) {
      throw new IOException(file + ": truncated: the file ends before its last parameter", e);
    } catch (MalformedModelException | IOException | RuntimeException e) {
      throw new IOException(file + ": does not hold this run's network's parameters (" + e.getClass()
          .getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }
    Map<String, Shape> loaded = shapes(model.getBlock());
    for (Map.Entry<String, Shape> parameter : expected.entrySet()) {
      Shape found = loaded.get(parameter.getKey());
      if (!parameter.getValue().equals(found)) {
        throw new IOException(file + ": holds the parameters of another network: its " + parameter.getKey()
            + " is " + found + ", this run's network's " + parameter.getValue());
      }
    }
  }

  private static Map<String, Shape> shapes(Block block) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (Pair<String, Parameter> parameter : block.getParameters()) {
      NDArray array = parameter.getValue().isInitialized() ? parameter.getValue().getArray() : null;
      shapes.put(parameter.getKey(), array == null ? null : array.getShape());
    }
    return shapes;
  }
}
