package io.netspec.report.graphviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.report.ShippedSpecs;
import io.netspec.report.dot.DiagramRenderer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Graphviz's layout of specs/googlenet.yaml. Skipped where Debian's graphviz package is not installed. */
class GraphvizTest {

  private static final Graphviz GRAPHVIZ = Graphviz.onPath();
  private static NetworkAnalysis googlenet;
  private static String svg;

  @BeforeAll
  static void layOut() throws GraphvizException {
    assumeTrue(GRAPHVIZ.isInstalled(), "Graphviz's dot is not installed (apt-get install -y graphviz)");
    googlenet = ShippedSpecs.analyze("googlenet.yaml");
    svg = GRAPHVIZ.toSvg(DiagramRenderer.render(googlenet));
  }

  @Test
  void theSvgHasANodeTitledWithEveryRowName() {
    for (RowFigures row : googlenet.rows()) {
      assertTrue(svg.contains("<title>" + row.layer().name() + "</title>"), row.layer().name());
    }
    for (AuxFigures aux : googlenet.auxClassifiers()) {
      for (RowFigures row : aux.rows()) {
        String name = aux.classifier().name() + "." + row.layer().name();
        assertTrue(svg.contains("<title>" + name + "</title>"), name);
      }
    }
  }

  @Test
  void theSameDotGivesTheSameSvg() throws GraphvizException {
    assertEquals(svg, GRAPHVIZ.toSvg(DiagramRenderer.render(googlenet)));
  }

  @Test
  void aMissingDotIsOneLineNamingThePackage() {
    Graphviz missing = Graphviz.at("/nonexistent/dot", Duration.ofSeconds(5));
    assertFalse(missing.isInstalled());
    GraphvizException e = assertThrows(GraphvizException.class, () -> missing.toSvg("digraph {}"));
    assertEquals("cannot run Graphviz's '/nonexistent/dot': install Debian's graphviz package "
        + "(apt-get install -y graphviz)", e.getMessage());
  }

  @Test
  void aDotSyntaxErrorIsReported() {
    GraphvizException e = assertThrows(GraphvizException.class, () -> GRAPHVIZ.toSvg("digraph { -> }"));
    assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
  }
}
