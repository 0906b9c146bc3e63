package io.netspec.runtime.models;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.report.run.RunLayout;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How a run's {@code run.json} names its network, and the network rebuilt from a run folder ({@code eval},
 * {@code predict}, {@code train --resume}). {@code model_source} says which it was: a {@code "generated class"},
 * found again in the catalog by {@code model}, or a {@code "spec file"} ({@code spec_path}), built again from the
 * run folder's copy {@code spec/<spec_file>}, whatever became of the original, and checked against
 * {@code spec_sha256}. A run folder without {@code model_source} (older runs) is a generated class's.
 */
public final class ModelRecord {

  static final String GENERATED_CLASS = "generated class";
  static final String SPEC_FILE = "spec file";
  /** The run folder's subfolder that holds the spec files. */
  public static final String SPEC_FOLDER = RunLayout.SPEC_FOLDER;

  private ModelRecord() {}

  /**
   * Adds to {@code run} the network's {@code model}, {@code model_source}, {@code class}, {@code spec_file},
   * {@code spec_path} (a spec file's only) and {@code spec_sha256}.
   */
  public static void describe(ModelType type, JsonObject run) {
    run.addProperty("model", type.stem());
    run.addProperty("model_source", type.source() instanceof SpecFile ? SPEC_FILE : GENERATED_CLASS);
    run.addProperty("class", type.networkClass().getName());
    run.addProperty("spec_file", type.specFile());
    if (type.source() instanceof SpecFile file) {
      run.addProperty("spec_path", file.recordedAs().toString());
    }
    run.addProperty("spec_sha256", type.specSha256());
    if (type.source() instanceof SpecFile file && !file.rewrites().isEmpty()) {
      // the copy names its copied parent, not the original: recorded with the copy's own checksum
      JsonArray rewrites = new JsonArray();
      file.rewrites().forEach(rewrites::add);
      run.add("spec_copy_extends", rewrites);
      run.addProperty("spec_copy_sha256", file.copySha256());
    }
  }

  /**
   * The network type a run folder was trained with.
   *
   * @param folder the run folder
   * @param run its {@code run.json}
   * @throws ModelException if the generated class is unknown, the spec copy is not the spec the run trained, or
   *     {@code model_source} is neither kind
   * @throws SpecException if the spec copy has mistakes
   */
  public static ModelType rebuild(Path folder, JsonObject run) throws ModelException, SpecException, IOException {
    JsonElement source = run.get("model_source");
    String kind = source == null ? GENERATED_CLASS : source.getAsString();
    if (kind.equals(GENERATED_CLASS)) {
      return ModelCatalog.generated().find(run.get("model").getAsString());
    }
    if (!kind.equals(SPEC_FILE)) {
      throw new ModelException(folder.resolve(RunLayout.RUN_JSON) + ": unknown model_source '" + kind + "'");
    }
    Path copy = folder.resolve(SPEC_FOLDER).resolve(run.get("spec_file").getAsString());
    ModelType type = SpecFile.load(copy, Path.of(run.get("spec_path").getAsString()));
    JsonElement copySha = run.get("spec_copy_sha256");
    String recorded = (copySha != null ? copySha : run.get("spec_sha256")).getAsString();
    if (!type.specSha256().equals(recorded)) {
      throw new ModelException(copy + " is not the spec the run trained: its SHA-256 is " + type.specSha256()
          + ", run.json records " + recorded);
    }
    return type;
  }
}
