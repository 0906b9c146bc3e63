package io.netspec.runtime.train;

import io.netspec.report.run.RunLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock of a run folder while a process writes it ({@code train}, {@code train --resume}): an operating-system
 * lock ({@link FileChannel#tryLock()}) on the folder's {@value RunLayout#LOCK} file, which holds the process id
 * for the message a second writer gets. The operating system releases the lock when the process ends, however it
 * ends, so a lock file left by a killed process does not block the next one.
 */
final class RunLock implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code folder}.
   *
   * @throws IOException if another process (or this one) holds its lock, naming the folder and that process
   */
  static RunLock acquire(Path folder) throws IOException {
    Path file = folder.resolve(RunLayout.LOCK);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw new IOException(file + ": cannot be locked (" + e.getMessage() + ")", e);
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new IOException(folder + ": in use by another netspec process" + holder
          + "; wait for it to end (two processes writing one run folder would overwrite each other)");
    }
    byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(pid), 0);
    channel.force(false);
    return new RunLock(file, channel, lock);
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      int n = channel.read(buffer, 0);
      String pid = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).strip();
      return pid.matches("\\d{1,12}") ? " (process " + pid + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Releases the lock and removes the lock file. */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file); // while still locked, so that no other process's fresh lock is removed
      lock.release();
    } finally {
      channel.close();
    }
  }
}
