package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder written by two processes at once (two {@code --resume}), a run killed between its parameter files,
 * and the temporary files a killed run leaves.
 */
class RunLockTest {

  @TempDir
  Path folder;

  @Test
  void aSecondWriterIsRefusedWithOneLineNamingTheFolderAndTheHolder() throws IOException {
    try (RunLock first = RunLock.acquire(folder)) {
      assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(folder.resolve(".lock")));
      IOException e = assertThrows(IOException.class, () -> RunLock.acquire(folder));
      assertEquals(folder + ": in use by another netspec process (process " + ProcessHandle.current().pid()
          + "); wait for it to end (two processes writing one run folder would overwrite each other)",
          e.getMessage());
    }
    assertFalse(Files.exists(folder.resolve(".lock")), "the lock file is removed");
    RunLock.acquire(folder).close(); // free again
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
  void temporariesOfAKilledWriterAreRemoved() throws IOException {
    Files.createDirectories(folder.resolve(".last-123"));
    Files.writeString(folder.resolve(".last-123/x.params"), "half");
    Files.createDirectories(folder.resolve(".best-456"));
    Files.writeString(folder.resolve(".run.json.tmp"), "{");
    Files.writeString(folder.resolve("run.json"), "{}");
    RunFolder.open(folder).removeTemporaries();
    try (var left = Files.list(folder)) {
      assertEquals(java.util.List.of("run.json"), left.map(p -> p.getFileName().toString()).toList());
    }
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
    bytes[bytes.length - 1] ^= 1;
    Files.write(folder.resolve("best.params"), bytes);
    IOException e = assertThrows(IOException.class, () -> ParameterFiles.verify(folder.resolve("best.params"), run));
    assertTrue(e.getMessage().startsWith(folder.resolve("best.params") + ": damaged: its SHA-256 is "),
        e.getMessage());
  }

  private void writeMetrics(int epochs) throws IOException {
    Files.writeString(folder.resolve("metrics.jsonl"), EpochMetrics.toJsonLines(IntStream.rangeClosed(1, epochs)
        .mapToObj(e -> new EpochMetrics(e, 1, 1, Map.of(), 0.5, 1, 0.5, 0.1f, 100, 10)).toList()));
  }

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
