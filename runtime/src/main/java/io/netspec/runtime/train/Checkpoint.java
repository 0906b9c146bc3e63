package io.netspec.runtime.train;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands: the epochs done, their metrics, the best epoch and where its parameters are. A run folder
 * is written in the order {@code metrics.jsonl}, {@code last.params}, {@code best.params},
 * {@code confusion.json}, {@code plot.png}, {@code run.json}, each file atomically, so whatever moment a run is
 * killed at, {@code last.params} holds a complete epoch (its {@code Epoch} property says which), the metrics
 * reach at least that far, and {@code best.params} holds the best epoch up to it (its own {@code Epoch}).
 *
 * @param epoch the epochs done, 0 for a new run
 * @param bestEpoch the epoch of {@code best.params}, 0 for a new run
 * @param metrics the metrics of epochs 1 to {@code epoch}
 * @param seconds training time spent so far, over every session
 */
public record Checkpoint(int epoch, int bestEpoch, List<EpochMetrics> metrics, double seconds) {

  /** A run that has not started. */
  public static final Checkpoint START = new Checkpoint(0, 0, List.of(), 0);

  public Checkpoint {
    metrics = List.copyOf(metrics);
  }

  /**
   * The last complete epoch of a run folder.
   *
   * @throws IOException if the folder holds no complete epoch, or its files disagree
   */
  public static Checkpoint read(Path folder) throws IOException {
    Path last = folder.resolve("last.params");
    if (!Files.isRegularFile(last)) {
      throw new IOException(folder + ": no last.params, so no complete epoch to resume from");
    }
    int epoch = ParameterFiles.epoch(last);
    int best = ParameterFiles.epoch(folder.resolve("best.params"));
    List<EpochMetrics> metrics = new ArrayList<>();
    Path metricsFile = folder.resolve("metrics.jsonl");
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
    return new Checkpoint(epoch, best, metrics, metrics.stream().mapToDouble(EpochMetrics::seconds).sum());
  }

  /** Whether the run has no epoch yet. */
  public boolean isStart() {
    return epoch == 0;
  }
}
