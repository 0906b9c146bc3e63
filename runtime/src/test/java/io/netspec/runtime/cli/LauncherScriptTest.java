package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code netspec} launcher's handling of a failed build: the spec errors of Maven's log, shown once each as
 * {@code file:line:column} lines, without Maven's {@code [ERROR]} prefixes or terminal escape codes. Runs the
 * script's own {@code spec_errors} function on a log as Maven writes it (colours, each error twice).
 */
class LauncherScriptTest {

  private static final Path LAUNCHER = Path.of("..", "netspec");

  @Test
  void specErrorsAreShownOnceWithoutMavenNoise(@TempDir Path temp) throws Exception {
    assumeTrue(Files.isRegularFile(LAUNCHER), "the launcher script is not at ../netspec");
    Path log = temp.resolve("build.log");
    Files.writeString(log, String.join("\n",
        "\u001B[1;31m[ERROR]\u001B[m specs/bad.yaml:4:52: error: unknown key 'filterz'",
        "[ERROR] specs/bad.yaml:6:37: error: 'size' must be positive",
        "[ERROR] Failed to execute goal io.netspec:netspec-maven-plugin:0.1.0-SNAPSHOT:generate",
        "[ERROR] specs/bad.yaml:4:52: error: unknown key 'filterz'",
        "[ERROR] -> [Help 1]",
        ""), StandardCharsets.UTF_8);
    String function = Files.readAllLines(LAUNCHER).stream()
        .dropWhile(l -> !l.startsWith("spec_errors()")).takeWhile(l -> !l.equals("}")).reduce("",
            (a, b) -> a + b + "\n") + "}\n";
    assertTrue(function.startsWith("spec_errors()"), "the launcher defines spec_errors");
    Path script = temp.resolve("t.sh");
    Files.writeString(script, function + "build_log='" + log + "'\nspec_errors\n");
    Process bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
    List<String> lines = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(List.of("specs/bad.yaml:4:52: error: unknown key 'filterz'",
        "specs/bad.yaml:6:37: error: 'size' must be positive"), lines);
  }

  @Test
  void theBuildIsQuietAndColourless() throws IOException {
    assumeTrue(Files.isRegularFile(LAUNCHER), "the launcher script is not at ../netspec");
    String script = Files.readString(LAUNCHER);
    assertTrue(script.contains("-Dstyle.color=never"), "Maven's colours off");
    assertTrue(script.contains(">\"$build_log\" 2>&1"), "Maven's output goes to the log, not the terminal");
  }
}
