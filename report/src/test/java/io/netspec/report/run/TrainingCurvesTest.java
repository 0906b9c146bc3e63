package io.netspec.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netspec.report.RunFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesTest {

  @TempDir
  Path folder;

  @Test
  void readsEveryNumberAsACurveByEpoch() throws IOException {
    TrainingCurves curves = TrainingCurves.read(write(RunFolders.METRICS));
    assertEquals(List.of("loss", "main_loss", "aux_losses.aux1", "aux_losses.aux2", "train_accuracy", "val_loss",
        "val_accuracy", "lr", "images_per_second", "seconds"), curves.series().stream().map(Series::key).toList());
    assertEquals(List.of(new Series.Point(1, 0.68), new Series.Point(2, 0.79), new Series.Point(3, 0.84)),
        curves.select("val_accuracy"::equals).get(0).points());
    assertEquals(3, curves.epochs());
    assertEquals(0, curves.skippedLines());
  }

  @Test
  void toleratesMissingKeysBadLinesAndStrings() throws IOException {
    TrainingCurves curves = TrainingCurves.read(write("""
        {"loss": 2.0, "note": "warm-up"}
        not json
        [1, 2]

        {"epoch": 5, "loss": 1.5, "val_accuracy": null}
        {"loss": 1.0}
        """));
    assertEquals(2, curves.skippedLines());
    assertEquals(List.of("loss"), curves.series().stream().map(Series::key).toList());
    assertEquals(List.of(new Series.Point(1, 2.0), new Series.Point(5, 1.5), new Series.Point(6, 1.0)),
        curves.series().get(0).points());
  }

  private Path write(String text) throws IOException {
    return Files.writeString(folder.resolve(TrainingCurves.FILE_NAME), text);
  }
}
