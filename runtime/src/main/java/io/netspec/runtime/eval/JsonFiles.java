package io.netspec.runtime.eval;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON files of a run folder. */
public final class JsonFiles {

  private JsonFiles() {}

  /**
   * Reads a file holding one JSON object.
   *
   * @throws java.nio.file.NoSuchFileException if it is missing
   * @throws IOException naming the file if it is not a JSON object
   */
  public static JsonObject readObject(Path file) throws IOException {
    try {
      return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException(file + ": not a JSON object (" + e.getMessage() + ")", e);
    }
  }
}
