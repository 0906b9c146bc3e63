package io.netspec.runtime.train;

import com.google.gson.JsonObject;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.runtime.data.FolderOptions;
import io.netspec.runtime.data.ImageShape;
import io.netspec.report.run.RunLayout;
import io.netspec.runtime.eval.JsonFiles;
import io.netspec.runtime.models.ModelException;
import io.netspec.runtime.models.ModelRecord;
import io.netspec.runtime.models.ModelType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run folder to resume ({@code train --resume}): its {@code run.json}, which says what to train and how,
 * and its last complete epoch.
 *
 * @param folder the run folder
 * @param run its {@code run.json}
 * @param checkpoint its last complete epoch
 */
public record ResumeTarget(RunFolder folder, JsonObject run, Checkpoint checkpoint) {

  /**
   * Reads a run folder.
   *
   * @throws IOException if it is missing, its {@code run.json} is unreadable or it holds no complete epoch
   */
  public static ResumeTarget read(Path folder) throws IOException {
    RunFolder runFolder = RunFolder.open(folder);
    return new ResumeTarget(runFolder, JsonFiles.readObject(folder.resolve(RunLayout.RUN_JSON)), Checkpoint.read(folder));
  }

  /** The settings the run was started with. */
  public TrainingSettings settings() {
    return RunDescription.settings(run);
  }

  /**
   * The network the run trained: its generated class, or its spec file rebuilt from the run folder's copy.
   *
   * @throws ModelException if it cannot be found, or the copy is not the spec the run trained
   * @throws SpecException if the copy has mistakes
   */
  public ModelType modelType() throws ModelException, SpecException, IOException {
    return ModelRecord.rebuild(folder.path(), run);
  }

  /** The number of classes the network was built with. */
  public int classes() {
    return run.get("classes").getAsInt();
  }

  /** Whether the network was built with its auxiliary classifiers. */
  public boolean auxClassifiers() {
    return run.get("aux_classifiers").getAsBoolean();
  }

  /** The {@code --data} argument that names the run's data again. */
  public String dataArgument() {
    return run.getAsJsonObject("data").get("argument").getAsString();
  }

  /** The run's {@code --limit}, 0 for all images. */
  public int limit() {
    return run.getAsJsonObject("data").get("limit").getAsInt();
  }

  /** How to read the run's image folder again: the held-out files it recorded, on {@code workers} threads. */
  public FolderOptions folderOptions(int workers) throws IOException {
    FolderOptions options = new FolderOptions(FolderOptions.DEFAULT_VAL_SPLIT, Optional.empty(), workers);
    return RunFolder.heldOutFiles(folder.path()).map(options::withRecordedVal).orElse(options);
  }

  /** The last row the run froze ({@code --freeze}), if it froze any. */
  public Optional<String> lastFrozenRow() {
    JsonObject weights = run.getAsJsonObject("weights");
    if (weights == null || !weights.has("frozen_rows") || weights.getAsJsonArray("frozen_rows").isEmpty()) {
      return Optional.empty();
    }
    var rows = weights.getAsJsonArray("frozen_rows");
    return Optional.of(rows.get(rows.size() - 1).getAsString());
  }

  /** What the run's image files were converted to. */
  public ImageShape imageShape() {
    JsonObject data = run.getAsJsonObject("data");
    return new ImageShape(data.get("image_channels").getAsInt(), data.get("image_height").getAsInt(),
        data.get("image_width").getAsInt());
  }
}
