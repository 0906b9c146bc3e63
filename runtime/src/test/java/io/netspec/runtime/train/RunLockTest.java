package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder written by two processes at once (two {@code --resume}), and the temporary files a killed run
 * leaves.
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
}
