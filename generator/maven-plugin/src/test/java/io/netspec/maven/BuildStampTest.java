package io.netspec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStampTest {

  @TempDir
  Path folder;

  @Test
  void roundTrips() throws IOException {
    BuildStamp stamp = new BuildStamp(List.of("generator 1", "package a.b"), List.of("sources/b", "sources/a"));
    Path file = folder.resolve("target/netspec/default.stamp");
    stamp.write(file);
    assertEquals(Optional.of(stamp), BuildStamp.read(file));
    assertEquals(List.of("sources/a", "sources/b"), stamp.outputs());
  }

  @Test
  void inputsChangeWithAFilesBytes() throws IOException {
    Path spec = Files.writeString(folder.resolve("a.yaml"), "classes: 1\n");
    List<String> before = BuildStamp.inputs(List.of("generator 1"), List.of(spec, spec));
    assertEquals(2, before.size(), "each file once");
    assertEquals(before, BuildStamp.inputs(List.of("generator 1"), List.of(spec)));
    Files.writeString(spec, "classes: 2\n");
    assertNotEquals(before, BuildStamp.inputs(List.of("generator 1"), List.of(spec)));
  }

  @Test
  void aMissingOrTruncatedStampIsNoStamp() throws IOException {
    assertTrue(BuildStamp.read(folder.resolve("none")).isEmpty());
    Path truncated = Files.writeString(folder.resolve("truncated"), "generator 1\n");
    assertTrue(BuildStamp.read(truncated).isEmpty());
  }
}
