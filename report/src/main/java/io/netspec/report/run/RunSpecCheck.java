package io.netspec.report.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.netspec.dsl.spec.NetworkSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a run folder was trained on the spec a report shows: its {@value #FILE} records the spec's SHA-256
 * ({@code spec_sha256}) and class count ({@code classes}), as the runtime writes them; both must match, or the
 * report would put one network's diagram beside another's curves.
 */
public final class RunSpecCheck {

  /** The run description's file name in a run folder. */
  public static final String FILE = "run.json";

  private RunSpecCheck() {}

  /**
   * Checks {@code runFolder} against {@code spec}.
   *
   * @return a note for the page when the folder has no {@value #FILE} to check against, else empty
   * @throws RunMismatchException (one line, naming both) if the hash or the class count differs
   */
  public static Optional<String> check(Path runFolder, NetworkSpec spec) throws IOException {
    Path file = runFolder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.of("The run folder has no " + FILE + ": whether it was trained on this spec is not checked.");
    }
    JsonObject run;
    try {
      run = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException(file + ": not a JSON object", e);
    }
    String specName = Path.of(spec.file()).getFileName().toString();
    String trainedOn = text(run.get("spec_file"), "its spec");
    String hash = text(run.get("spec_sha256"), "");
    if (!hash.isEmpty() && !hash.equals(spec.sha256())) {
      throw new RunMismatchException(runFolder + " was trained on " + trainedOn + " (sha256 " + shortHash(hash)
          + "), not on " + specName + " (sha256 " + shortHash(spec.sha256()) + "); --force combines them anyway");
    }
    JsonElement classes = run.get("classes");
    if (classes != null && classes.isJsonPrimitive() && classes.getAsInt() != spec.classes()) {
      throw new RunMismatchException(runFolder + " has " + classes.getAsInt() + " classes, " + specName + " "
          + spec.classes() + "; --force combines them anyway");
    }
    return Optional.empty();
  }

  private static String text(JsonElement element, String otherwise) {
    return element != null && element.isJsonPrimitive() ? element.getAsString() : otherwise;
  }

  private static String shortHash(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }
}
