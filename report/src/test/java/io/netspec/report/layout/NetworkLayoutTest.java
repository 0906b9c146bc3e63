package io.netspec.report.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.report.ShippedSpecs;
import io.netspec.report.layout.Diagram.Box;
import io.netspec.report.layout.Diagram.Edge;
import io.netspec.report.svg.SvgDiagram;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The geometry ELK's layered algorithm gives specs/googlenet.yaml: what the old Graphviz picture showed (rows
 * top to bottom, Inception branches side by side, aux classifiers beside the main path) checked on coordinates.
 */
class NetworkLayoutTest {

  private static final NetworkAnalysis GOOGLENET = ShippedSpecs.analyze("googlenet.yaml");
  private static final Diagram DIAGRAM = NetworkLayout.of(GOOGLENET);
  private static final Map<String, Box> BOXES =
      DIAGRAM.boxes().stream().collect(Collectors.toMap(Box::id, Function.identity()));

  @Test
  void mainPathRowsRunTopToBottom() {
    double previousBottom = BOXES.get("#input").y() + BOXES.get("#input").height();
    for (RowFigures row : GOOGLENET.rows()) {
      Box box = BOXES.get(row.layer().name());
      assertTrue(box.y() >= previousBottom - 0.5, row.layer().name() + " starts below the row before it");
      previousBottom = box.y() + box.height();
    }
  }

  @Test
  void inceptionBranchesSitSideBySideInsideTheirModule() {
    for (String module : List.of("inception_3a", "inception_4e", "inception_5b")) {
      Box group = BOXES.get("module-" + module);
      List<Box> branches = DIAGRAM.boxes().stream()
          .filter(b -> b.kind() == Diagram.Kind.BRANCH && b.module().equals(module)).toList();
      assertEquals(4, branches.size());
      double top = branches.get(0).y();
      for (Box branch : branches) {
        assertEquals(top, branch.y(), 0.5, branch.id() + " in the same layer as its siblings");
        assertTrue(inside(branch, group), branch.id() + " inside its module's box");
      }
      List<Box> byX = branches.stream().sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
      for (int i = 1; i < byX.size(); i++) {
        assertTrue(byX.get(i).x() >= byX.get(i - 1).x() + byX.get(i - 1).width(), "branches do not overlap");
      }
      assertTrue(inside(BOXES.get(module), group), "the concatenation inside its module");
    }
  }

  @Test
  void auxClassifiersAreSideBranches() {
    for (String aux : List.of("aux1", "aux2")) {
      Box group = BOXES.get("aux-" + aux);
      for (Box box : DIAGRAM.boxes()) {
        if (box.kind() == Diagram.Kind.ROW && box.id().startsWith(aux + ".")) {
          assertTrue(inside(box, group), box.id());
        } else if (box.kind() == Diagram.Kind.ROW || box.kind() == Diagram.Kind.MODULE) {
          assertFalse(overlap(box, group), box.id() + " overlaps " + aux + "'s box");
        }
      }
    }
    Edge into = DIAGRAM.edges().stream().filter(e -> e.to().equals("aux1.pool")).findFirst().orElseThrow();
    assertEquals("inception_4a", into.from());
    assertTrue(into.dashed());
    assertEquals("14x14x512", into.label());
  }

  @Test
  void edgesCarryTable1ShapesAndJoinTheirBoxes() {
    Edge edge = DIAGRAM.edges().stream().filter(e -> e.to().equals("conv1")).findFirst().orElseThrow();
    assertEquals("224x224x3", edge.label());
    Box target = BOXES.get("conv1");
    Diagram.Point end = edge.points().get(edge.points().size() - 1);
    assertEquals(target.y(), end.y(), 1.0, "the edge ends on conv1's top side");
    assertTrue(end.x() >= target.x() && end.x() <= target.x() + target.width());
    assertEquals("112x112x64", DIAGRAM.edges().stream().filter(e -> e.from().equals("conv1")).findFirst()
        .orElseThrow().label());
  }

  @Test
  void theSameSpecGivesTheSameSvg() {
    assertEquals(SvgDiagram.document(DIAGRAM), SvgDiagram.document(NetworkLayout.of(GOOGLENET)));
  }

  private static boolean inside(Box inner, Box outer) {
    return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.x() + inner.width() <= outer.x() + outer.width()
        && inner.y() + inner.height() <= outer.y() + outer.height();
  }

  private static boolean overlap(Box a, Box b) {
    return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
        && b.y() < a.y() + a.height();
  }
}
