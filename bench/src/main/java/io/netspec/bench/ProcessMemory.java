package io.netspec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory and page faults of this process, from Linux's /proc/self. */
final class ProcessMemory {

  private ProcessMemory() {}

  /** {@code VmHWM} in kB, or -1 where /proc is missing. */
  static long peakResidentKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Minor page faults so far ({@code minflt}, the tenth field of /proc/self/stat): memory touched for the
   * first time since the process mapped it, or -1 where /proc is missing.
   */
  static long minorFaults() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields from the third on
      return Long.parseLong(fields[7]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
