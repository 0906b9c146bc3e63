package io.netspec.runtime.train;

import com.google.gson.JsonParseException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netspec.report.run.RunLayout;
import io.netspec.runtime.eval.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands: the epochs done, their metrics, the best epoch and where its parameters are. A run folder
 * is written in the order {@code metrics.jsonl}, {@code best.params} and {@code confusion.json} (if the epoch is
 * the best so far), {@code last.params}, {@code plot.png}, {@code run.json}, each file atomically, so whatever
 * moment a run is killed at, the metrics reach at least as far as either parameter file, {@code best.params}
 * holds the best epoch up to its own {@code Epoch}, and the later of {@code last.params} and {@code best.params}
 * (a run killed between the two: {@code best.params}) holds the last complete epoch, from which a resume goes on.
 *
 * @param epoch the epochs done, 0 for a new run
 * @param bestEpoch the epoch of {@code best.params}, 0 for a new run
 * @param metrics the metrics of epochs 1 to {@code epoch}
 * @param seconds training time spent so far, over every session
 * @param parameters the parameter file holding epoch {@code epoch}: {@code last} or, for a run killed between
 *     writing {@code best.params} and {@code last.params}, {@code best}
 */
public record Checkpoint(int epoch, int bestEpoch, List<EpochMetrics> metrics, double seconds, String parameters) {

  /** A run that has not started. */
  public static final Checkpoint START = new Checkpoint(0, 0, List.of(), 0, RunLayout.LAST);

  public Checkpoint {
    metrics = List.copyOf(metrics);
  }

  /**
   * The last complete epoch of a run folder.
   *
   * @throws IOException if the folder holds no complete epoch, or its files disagree
   */
  public static Checkpoint read(Path folder) throws IOException {
    Path last = RunLayout.parameters(folder, RunLayout.LAST);
    if (!Files.isRegularFile(last)) {
      throw new IOException(folder + ": no last.params, so no complete epoch to resume from");
    }
    Path runJson = folder.resolve(RunLayout.RUN_JSON);
    JsonObject run = Files.isRegularFile(runJson) ? JsonFiles.readObject(runJson) : new JsonObject();
    Path bestFile = RunLayout.parameters(folder, RunLayout.BEST);
    ParameterFiles.verify(last, run);
    ParameterFiles.verify(bestFile, run);
    int lastEpoch = ParameterFiles.epoch(last);
    int best = ParameterFiles.epoch(bestFile);
    int epoch = Math.max(lastEpoch, best);
    List<EpochMetrics> metrics = new ArrayList<>();
    Path metricsFile = folder.resolve(RunLayout.METRICS);
    for (String line : Files.readAllLines(metricsFile)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        EpochMetrics m = EpochMetrics.fromJson(JsonParser.parseString(line).getAsJsonObject());
        if (m.epoch() <= epoch) {
          metrics.add(m);
        }
      } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
        throw new IOException(metricsFile + ": unreadable line (" + e.getMessage() + ")", e);
      }
    }
    if (metrics.size() != epoch || best < 1 || best > epoch) {
      throw new IOException(folder + ": last.params is epoch " + epoch + ", best.params epoch " + best
          + ", metrics.jsonl has " + metrics.size() + " epochs; cannot resume");
    }
    return new Checkpoint(epoch, best, metrics, metrics.stream().mapToDouble(EpochMetrics::seconds).sum(),
        best > lastEpoch ? RunLayout.BEST : RunLayout.LAST);
  }

  /** Whether the run has no epoch yet. */
  public boolean isStart() {
    return epoch == 0;
  }
}
