package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWriterTest {

  @TempDir
  Path folder;

  @Test
  void writesAFileAndItsFolders() throws IOException {
    SourceWriter writer = new SourceWriter(folder.resolve("out"));
    assertTrue(writer.write(new JavaSource("a.b", "C", "class C {}\n")));
    assertEquals("class C {}\n", Files.readString(folder.resolve("out/a/b/C.java")));
    assertNoTemporaryFiles();
  }

  @Test
  void writtenFilesAreReadableByAllNotOwnerOnly() throws IOException {
    assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
    SourceWriter writer = new SourceWriter(folder);
    writer.write(new JavaSource("a", "C", "class C {}\n"));
    writer.write("pkg/module.py", "x = 1\n".getBytes(StandardCharsets.UTF_8));
    for (String file : new String[] {"a/C.java", "pkg/module.py"}) {
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file))),
          file);
    }
  }

  @Test
  void leavesAnUnchangedFileAlone() throws IOException {
    SourceWriter writer = new SourceWriter(folder);
    byte[] content = "same".getBytes(StandardCharsets.UTF_8);
    assertTrue(writer.write("x/Same.java", content));
    Path file = folder.resolve("x/Same.java");
    FileTime old = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(file, old);

    assertFalse(writer.write("x/Same.java", content));
    assertEquals(old, Files.getLastModifiedTime(file));

    assertTrue(writer.write("x/Same.java", "changed".getBytes(StandardCharsets.UTF_8)));
    assertArrayEquals("changed".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    assertNoTemporaryFiles();
  }

  @Test
  void refusesPathsOutOfTheFolder() throws IOException {
    Path root = Files.createDirectories(folder.resolve("root"));
    SourceWriter writer = new SourceWriter(root);
    byte[] content = {1};
    for (String path : new String[] {"../escape.java", "a/../../escape.java", "/tmp/escape.java", "", ".",
        "a/.."}) {
      assertThrows(IllegalArgumentException.class, () -> writer.write(path, content), path);
    }
    assertFalse(Files.exists(folder.resolve("escape.java")));
  }

  @Test
  void refusesASymbolicLinkOut() throws IOException {
    Path root = Files.createDirectories(folder.resolve("root"));
    Path outside = Files.createDirectories(folder.resolve("outside"));
    Files.createSymbolicLink(root.resolve("link"), outside);
    SourceWriter writer = new SourceWriter(root);
    assertThrows(IllegalArgumentException.class, () -> writer.write("link/Escape.java", new byte[] {1}));
    try (Stream<Path> files = Files.list(outside)) {
      assertEquals(0, files.count());
    }
  }

  private void assertNoTemporaryFiles() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      assertEquals(0, files.filter(file -> file.getFileName().toString().endsWith(".tmp")).count());
    }
  }
}
