package io.netspec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/maven-plugin.md cannot go stale: every file it shows is, byte for byte, a file of the integration test
 * {@code src/it/documented-consumer}, which the invoker builds and runs; the versions it names are the build's;
 * the BOM pins what the build uses; and the goal's description points to nothing a consumer lacks.
 */
class PluginDocumentationTest {

  private static final Path REPOSITORY = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Path DOC = REPOSITORY.resolve("docs/maven-plugin.md");
  private static final Path PROJECT = Path.of("src/it/documented-consumer");
  private static final Pattern FILE_BLOCK =
      Pattern.compile("<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)```\\n", Pattern.DOTALL);

  @Test
  void everyFileOfTheDocIsTheIntegrationTestsFile() throws IOException {
    Map<String, String> shown = new LinkedHashMap<>();
    Matcher block = FILE_BLOCK.matcher(Files.readString(DOC));
    while (block.find()) {
      shown.put(block.group(1), block.group(2));
    }
    assertEquals(List.of("pom.xml", "src/main/netspec/flowers.yaml", "src/main/java/com/example/Main.java",
        "src/test/java/com/example/MainTest.java"), List.copyOf(shown.keySet()));
    for (Map.Entry<String, String> file : shown.entrySet()) {
      assertEquals(Files.readString(PROJECT.resolve(file.getKey())), file.getValue(), file.getKey());
    }
  }

  @Test
  void theDocumentedVersionsAreTheBuilds() throws IOException {
    String parent = Files.readString(REPOSITORY.resolve("pom.xml"));
    String bom = Files.readString(REPOSITORY.resolve("bom/pom.xml"));
    String consumer = Files.readString(PROJECT.resolve("pom.xml"));
    String version = tag(parent, "version");
    assertEquals(version, tag(bom, "version"), "the BOM's version");
    assertEquals(version, tag(consumer, "netspec.version"), "the documented netspec.version");
    for (String property : List.of("djl.version", "libtorch.version")) {
      assertEquals(tag(parent, property), tag(bom, property), property + " pinned by the BOM");
    }
    for (String artifact : List.of("netspec-blocks", "pytorch-engine", "pytorch-native-cpu", "pytorch-jni")) {
      assertTrue(consumer.contains("<artifactId>" + artifact + "</artifactId>"), artifact + " in the consumer pom");
      assertTrue(bom.contains("<artifactId>" + artifact + "</artifactId>"), artifact + " in the BOM");
    }
    assertTrue(consumer.contains("<classifier>linux-x86_64</classifier>"));
    String doc = Files.readString(DOC);
    assertTrue(doc.contains("pytorch-native-cpu:" + tag(parent, "libtorch.version") + ":linux-x86_64"));
    assertTrue(doc.contains("pytorch-jni:" + tag(parent, "libtorch.version") + "-" + tag(parent, "djl.version")));
  }

  @Test
  void theGoalsDescriptionNeedsNoRepositoryFile() throws IOException {
    String mojo = Files.readString(Path.of("src/main/java/io/netspec/maven/GenerateMojo.java"));
    String description = mojo.substring(0, mojo.indexOf("@Mojo("));
    assertFalse(description.contains("docs/"), "the goal's description points to a file a consumer lacks");
  }

  /** The text of the first {@code <name>} element. */
  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(xml);
    assertTrue(m.find(), name);
    return m.group(1);
  }
}
