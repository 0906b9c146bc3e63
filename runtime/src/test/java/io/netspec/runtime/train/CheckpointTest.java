package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder killed between its files: the checkpoint is the epoch of {@code last.params}. */
class CheckpointTest {

  @TempDir
  Path folder;

  @Test
  void metricsWrittenBeforeTheParametersOfTheirEpochAreLeftOut() throws Exception {
    writeMetrics(3); // killed after metrics.jsonl of epoch 3, before its last.params
    writeParams("last", 2);
    writeParams("best", 1);
    Checkpoint checkpoint = Checkpoint.read(folder);
    assertEquals(2, checkpoint.epoch());
    assertEquals(1, checkpoint.bestEpoch());
    assertEquals(List.of(1, 2), checkpoint.metrics().stream().map(EpochMetrics::epoch).toList());
    assertEquals(20, checkpoint.seconds(), 1e-9);
  }

  @Test
  void aFolderWithoutACompleteEpochCannotBeResumed() throws Exception {
    writeMetrics(1);
    IOException e = assertThrows(IOException.class, () -> Checkpoint.read(folder));
    assertTrue(e.getMessage().contains("no last.params"), e.getMessage());
  }

  @Test
  void parameterFilesNameTheirEpoch() throws Exception {
    writeParams("last", 7);
    assertEquals(7, ParameterFiles.epoch(folder.resolve("last.params")));
    assertEquals(Map.of("Epoch", "7"), ParameterFiles.properties(folder.resolve("last.params")));
  }

  @Test
  void aKillBetweenBestAndLastLosesNothing() throws IOException {
    writeMetrics(3);
    writeParams("last", 2);
    writeParams("best", 3); // epoch 3 was the best; killed before its last.params
    Checkpoint checkpoint = Checkpoint.read(folder);
    assertEquals(3, checkpoint.epoch(), "resumes after epoch 3, from best.params");
    assertEquals("best", checkpoint.parameters());
    assertEquals(3, checkpoint.bestEpoch());
  }

  @Test
  void aParameterFileWhoseChecksumDiffersIsNamedDamaged() throws IOException {
    writeParams("best", 2);
    com.google.gson.JsonObject record = new com.google.gson.JsonObject();
    ParameterFiles.record(record, folder, "best", 2);
    com.google.gson.JsonObject run = new com.google.gson.JsonObject();
    run.add(ParameterFiles.RECORD, record);
    ParameterFiles.verify(folder.resolve("best.params"), run); // as written
    byte[] bytes = Files.readAllBytes(folder.resolve("best.params"));
    Files.write(folder.resolve("best.params"), java.util.Arrays.copyOf(bytes, bytes.length + 1)); // one zero more
    IOException e = assertThrows(IOException.class, () -> ParameterFiles.verify(folder.resolve("best.params"), run));
    assertTrue(e.getMessage().startsWith(folder.resolve("best.params") + ": damaged: its SHA-256 is "),
        e.getMessage());
  }

  private void writeMetrics(int epochs) throws IOException {
    Files.writeString(folder.resolve("metrics.jsonl"), EpochMetrics.toJsonLines(IntStream.rangeClosed(1, epochs)
        .mapToObj(e -> new EpochMetrics(e, 1, 1, Map.of(), 0.5, 1, 0.5, 0.1f, 100, 10)).toList()));
  }

  /** The header of a DJL parameter file as {@code BaseModel.save} writes it, with no parameters after it. */
  private void writeParams(String name, int epoch) throws IOException {
    try (OutputStream raw = Files.newOutputStream(folder.resolve(name + ".params"));
        DataOutputStream out = new DataOutputStream(raw)) {
      out.writeBytes("DJL@");
      out.writeInt(1);
      out.writeUTF("model");
      out.writeUTF("FLOAT32");
      out.writeInt(0);
      out.writeInt(1);
      out.writeUTF("Epoch");
      out.writeUTF(Integer.toString(epoch));
    }
  }
}
