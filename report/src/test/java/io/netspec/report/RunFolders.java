package io.netspec.report;

import io.netspec.report.run.ConfusionMatrix;
import io.netspec.report.run.TrainingCurves;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A finished run folder as the runtime leaves it (metrics.jsonl, class_indices.json), with a confusion matrix. */
public final class RunFolders {

  /** Three epochs in the keys and layout of the runtime's EpochMetrics. */
  public static final String METRICS = """
      {"epoch":1,"loss":1.9,"main_loss":1.2,"aux_losses":{"aux1":1.1,"aux2":1.2},"train_accuracy":0.55,\
      "val_loss":0.9,"val_accuracy":0.68,"lr":0.001,"images_per_second":410.5,"seconds":140.2}
      {"epoch":2,"loss":1.1,"main_loss":0.7,"aux_losses":{"aux1":0.7,"aux2":0.65},"train_accuracy":0.75,\
      "val_loss":0.6,"val_accuracy":0.79,"lr":0.0009,"images_per_second":415.0,"seconds":138.9}
      {"epoch":3,"loss":0.8,"main_loss":0.5,"aux_losses":{"aux1":0.55,"aux2":0.5},"train_accuracy":0.83,\
      "val_loss":0.5,"val_accuracy":0.84,"lr":0.0008,"images_per_second":412.3,"seconds":139.4}
      """;

  private RunFolders() {}

  /** Writes {@code parent/train-1} with three classes and a 300-image confusion matrix (94% accuracy). */
  public static Path write(Path parent) throws IOException {
    Path run = Files.createDirectories(parent.resolve("train-1"));
    Files.writeString(run.resolve(TrainingCurves.FILE_NAME), METRICS);
    Files.writeString(run.resolve(ConfusionMatrix.CLASS_INDICES_FILE),
        "{\"0\": \"T-shirt/top\", \"1\": \"Trouser\", \"2\": \"Bag\"}");
    Files.writeString(run.resolve(ConfusionMatrix.JSON_FILE),
        "{\"matrix\": [[90, 2, 8], [1, 97, 2], [5, 0, 95]]}");
    return run;
  }
}
