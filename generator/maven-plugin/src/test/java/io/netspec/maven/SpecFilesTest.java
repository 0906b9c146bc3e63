package io.netspec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {

  @TempDir
  Path folder;

  @Test
  void listsTheYamlFilesInNameOrder() throws IOException {
    Files.writeString(folder.resolve("b.yaml"), "classes: 1\n");
    Files.writeString(folder.resolve("a-x.yaml"), "classes: 1\n");
    Files.writeString(folder.resolve("a.yaml"), "classes: 1\n");
    Files.writeString(folder.resolve("notes.txt"), "not a spec\n");
    Files.createDirectories(folder.resolve("sub.yaml"));
    assertEquals(List.of("a-x.yaml", "a.yaml", "b.yaml"),
        SpecFiles.list(folder).stream().map(file -> file.getFileName().toString()).toList());
    assertEquals(List.of(), SpecFiles.list(folder.resolve("missing")));
  }

  @Test
  void followsExtendsChildFirst() throws IOException {
    Path base = Files.createDirectories(folder.resolve("base"));
    Files.writeString(base.resolve("root.yaml"), "classes: 1\n");
    Files.writeString(folder.resolve("middle.yaml"), "extends: base/root.yaml\n");
    Files.writeString(folder.resolve("leaf.yaml"), "extends: middle.yaml\n");
    assertEquals(List.of(folder.resolve("leaf.yaml"), folder.resolve("middle.yaml"), base.resolve("root.yaml")),
        SpecFiles.chain(folder.resolve("leaf.yaml")));
  }

  @Test
  void stopsAtACycleOrAnUnreadableParent() throws IOException {
    Files.writeString(folder.resolve("a.yaml"), "extends: b.yaml\n");
    Files.writeString(folder.resolve("b.yaml"), "extends: a.yaml\n");
    Files.writeString(folder.resolve("c.yaml"), "extends: missing.yaml\n");
    Files.writeString(folder.resolve("d.yaml"), "extends: [not, a, file]\n: broken");
    assertEquals(List.of(folder.resolve("a.yaml"), folder.resolve("b.yaml")), SpecFiles.chain(folder.resolve("a.yaml")));
    assertEquals(List.of(folder.resolve("c.yaml")), SpecFiles.chain(folder.resolve("c.yaml")));
    assertEquals(List.of(folder.resolve("d.yaml")), SpecFiles.chain(folder.resolve("d.yaml")));
  }
}
