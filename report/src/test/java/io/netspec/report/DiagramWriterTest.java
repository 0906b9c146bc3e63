package io.netspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.report.dot.DiagramRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramWriterTest {

  private static final NetworkAnalysis GOOGLENET = ShippedSpecs.analyze("googlenet.yaml");

  @TempDir
  Path temp;

  @Test
  void choosesTheFormatByExtension() {
    assertEquals(Optional.of(DiagramFormat.SVG), DiagramFormat.of(Path.of("out/g.SVG")));
    assertEquals(Optional.of(DiagramFormat.HTML), DiagramFormat.of(Path.of("g.htm")));
    assertEquals(Optional.of(DiagramFormat.DOT), DiagramFormat.of(Path.of("g.gv")));
    assertEquals(Optional.empty(), DiagramFormat.of(Path.of("g.png")));
  }

  @Test
  void writesDotAndRefusesUnknownExtensions() throws IOException {
    DiagramWriter writer = new DiagramWriter();
    Path dot = temp.resolve("sub/googlenet.dot");
    writer.write(GOOGLENET, dot);
    assertEquals(DiagramRenderer.render(GOOGLENET), Files.readString(dot));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> writer.write(GOOGLENET, temp.resolve("g.png")));
    assertTrue(e.getMessage().contains(".svg, .html or .dot"), e.getMessage());
  }
}
