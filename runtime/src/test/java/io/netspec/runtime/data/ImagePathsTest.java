package io.netspec.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What predict's arguments name: files, folders (recursively, images only), globs; and what names nothing. */
class ImagePathsTest {

  @TempDir
  Path folder;

  @Test
  void filesFoldersAndGlobs() throws Exception {
    Files.createDirectories(folder.resolve("photos/more"));
    for (String name : List.of("photos/b.jpg", "photos/a.PNG", "photos/notes.txt", "photos/more/c.jpeg", "x.png")) {
      Files.writeString(folder.resolve(name), "");
    }
    String root = folder.toString();
    ImagePaths found = ImagePaths.expand(List.of(root + "/photos", root + "/photos/notes.txt", root + "/*.png",
        root + "/photos/b.jpg", root + "/missing.jpg", root + "/nothing-*.jpg"));
    assertEquals(List.of(folder.resolve("photos/a.PNG"), folder.resolve("photos/b.jpg"),
        folder.resolve("photos/more/c.jpeg"), folder.resolve("photos/notes.txt"), folder.resolve("x.png")),
        found.files()); // each once, the folder's images sorted, a file named on its own kept whatever its name
    assertEquals(List.of(root + "/missing.jpg: file not found",
        root + "/nothing-*.jpg: no file matches this pattern"), found.problems());
  }
}
