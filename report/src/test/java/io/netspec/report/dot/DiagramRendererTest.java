package io.netspec.report.dot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.report.ShippedSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The DOT of specs/googlenet.yaml. The expected output sizes are Table 1's, as
 * shared/reference/googlenet-table1.md prints them (and section 5 for the auxiliary classifiers), not taken
 * from the analysis, so the diagram's edge labels are checked against the paper itself.
 */
class DiagramRendererTest {

  /** Table 1's "output size" column, by the spec's row names (the LRN rows are not in the table). */
  private static final Map<String, String> TABLE_1 = table1();

  private static final NetworkAnalysis GOOGLENET = ShippedSpecs.analyze("googlenet.yaml");
  private static final String DOT = DiagramRenderer.render(GOOGLENET);
  private static final DotGraph GRAPH = DotGraph.parse(DOT);

  private static Map<String, String> table1() {
    Map<String, String> sizes = new LinkedHashMap<>();
    sizes.put("conv1", "112x112x64");
    sizes.put("pool1", "56x56x64");
    sizes.put("conv2", "56x56x192");
    sizes.put("pool2", "28x28x192");
    sizes.put("inception_3a", "28x28x256");
    sizes.put("inception_3b", "28x28x480");
    sizes.put("pool3", "14x14x480");
    sizes.put("inception_4a", "14x14x512");
    sizes.put("inception_4b", "14x14x512");
    sizes.put("inception_4c", "14x14x512");
    sizes.put("inception_4d", "14x14x528");
    sizes.put("inception_4e", "14x14x832");
    sizes.put("pool4", "7x7x832");
    sizes.put("inception_5a", "7x7x832");
    sizes.put("inception_5b", "7x7x1024");
    sizes.put("pool5", "1x1x1024");
    sizes.put("dropout", "1x1x1024");
    sizes.put("fc", "1x1x1000");
    sizes.put("softmax", "1x1x1000");
    return sizes;
  }

  @Test
  void everyRowIsOneLayerNode() {
    Set<String> expected = new TreeSet<>();
    GOOGLENET.spec().layers().forEach(layer -> expected.add(layer.name()));
    for (AuxFigures aux : GOOGLENET.auxClassifiers()) {
      aux.rows().forEach(row -> expected.add(aux.classifier().name() + "." + row.layer().name()));
    }
    Set<String> layerNodes = new TreeSet<>();
    GRAPH.nodes().values().stream().filter(n -> n.attribute("class").startsWith(DiagramRenderer.LAYER_CLASS + " "))
        .forEach(n -> layerNodes.add(n.id()));
    assertEquals(expected, layerNodes);
    assertEquals(21 + 2 * 6, layerNodes.size());
  }

  @Test
  void everyNodeShowsItsNameKindOutputShapeAndParams() {
    for (RowFigures row : GOOGLENET.rows()) {
      String label = GRAPH.nodes().get(row.layer().name()).attribute("label");
      assertTrue(label.contains("<B>" + row.layer().name() + "</B>"), label);
      assertTrue(label.contains(row.output().toString()), label);
    }
    String conv1 = GRAPH.nodes().get("conv1").attribute("label");
    assertTrue(conv1.contains("convolution 7x7/2") && conv1.contains("params 9.2K") && conv1.contains("ops 118.0M"),
        conv1);
    assertTrue(GRAPH.nodes().get("pool1").attribute("label").contains("max pool 3x3/2"));
    assertTrue(GRAPH.nodes().get("dropout").attribute("label").contains("dropout (40%)"));
    assertTrue(GRAPH.nodes().get("inception_3a").attribute("label").contains("params 159.5K · ops 128.0M"));
  }

  @Test
  void edgesBetweenRowsCarryTable1Sizes() {
    List<String> rows = GOOGLENET.rows().stream().map(r -> r.layer().name()).toList();
    List<String> checked = new ArrayList<>();
    assertEquals(List.of("224x224x3"), GRAPH.edgesFrom(NodeIds.INPUT).stream().map(DotGraph.Edge::label).toList());
    for (int i = 0; i + 1 < rows.size(); i++) {
      String row = rows.get(i);
      List<DotGraph.Edge> mainEdges = GRAPH.edgesFrom(row).stream()
          .filter(e -> !e.to().contains(".")).toList(); // leave out the auxiliary classifiers' edges
      assertEquals(1, mainEdges.size(), row + " leads to one row of the main path");
      String label = mainEdges.get(0).label();
      assertEquals(GOOGLENET.rows().get(i).output().toString(), label, "edge out of " + row);
      if (TABLE_1.containsKey(row)) {
        assertEquals(TABLE_1.get(row), label, "edge out of " + row + " against Table 1");
        checked.add(row);
      }
    }
    assertTrue(GRAPH.nodes().get("softmax").attribute("label").contains(TABLE_1.get("softmax")));
    assertEquals(TABLE_1.size() - 1, checked.size(), "every Table 1 row but the last has an outgoing edge");
  }

  @Test
  void everyInceptionModuleIsFourBranchesMeetingInTheConcatenation() {
    int modules = 0;
    for (RowFigures row : GOOGLENET.rows()) {
      if (!(row.layer() instanceof Inception module)) {
        continue;
      }
      modules++;
      String name = module.name();
      String cluster = NodeIds.moduleCluster(name);
      assertEquals(cluster, GRAPH.nodes().get(name).cluster(), "the concatenation is in the module's box");
      List<DotGraph.Edge> intoConcat = GRAPH.edgesInto(name);
      assertEquals(4, intoConcat.size(), name);
      int channels = 0;
      for (InceptionBranch branch : InceptionBranch.values()) {
        String id = NodeIds.branch(name, branch);
        assertEquals(cluster, GRAPH.nodes().get(id).cluster(), id);
        assertEquals(1, GRAPH.edgesInto(id).size(), id + " is fed by the module's input");
        assertEquals(NodeIds.split(name), GRAPH.edgesInto(id).get(0).from());
        DotGraph.Edge out = intoConcat.stream().filter(e -> e.from().equals(id)).findFirst().orElseThrow();
        String[] shape = out.label().split("x");
        assertEquals(row.output().height() + "x" + row.output().width(), shape[0] + "x" + shape[1], id);
        channels += Integer.parseInt(shape[2]);
      }
      assertEquals(row.output().channels(), channels, name + ": the branches' channels add up to the output");
      String input = row.input().toString();
      assertEquals(List.of(input), GRAPH.edgesInto(NodeIds.split(name)).stream().map(DotGraph.Edge::label).toList());
    }
    assertEquals(9, modules);
    assertEquals(9 * 5, GRAPH.nodes().values().stream().filter(n -> n.cluster().startsWith("cluster_inception"))
        .filter(n -> !n.attribute("shape").equals("point")).count(), "four branches and a concatenation each");
  }

  @Test
  void auxiliaryClassifiersAreSideBranchesWithTheirLossWeight() {
    Map<String, String> attachedShape = Map.of("aux1", "14x14x512", "aux2", "14x14x528"); // section 5
    Map<String, String> pooledShape = Map.of("aux1", "4x4x512", "aux2", "4x4x528");
    for (AuxFigures aux : GOOGLENET.auxClassifiers()) {
      String name = aux.classifier().name();
      String first = NodeIds.auxRow(name, aux.rows().get(0).layer().name());
      List<DotGraph.Edge> into = GRAPH.edgesInto(first);
      assertEquals(1, into.size());
      assertEquals(aux.classifier().after(), into.get(0).from());
      assertEquals(attachedShape.get(name), into.get(0).label());
      assertEquals("dashed", into.get(0).attributes().get("style"));
      String pool = NodeIds.auxRow(name, "pool");
      assertEquals(pooledShape.get(name), GRAPH.edgesFrom(pool).get(0).label());
      String cluster = NodeIds.auxCluster(name);
      assertTrue(GRAPH.clusterLabels().get(cluster).contains("loss weight 0.3"), GRAPH.clusterLabels().toString());
      for (RowFigures row : aux.rows()) {
        assertEquals(cluster, GRAPH.nodes().get(NodeIds.auxRow(name, row.layer().name())).cluster());
      }
    }
    assertEquals(List.of("inception_4a", "inception_4d"),
        GOOGLENET.auxClassifiers().stream().map(a -> a.classifier().after()).toList());
  }

  @Test
  void theSameSpecGivesTheSameDotWhereverItIsLoadedFrom() {
    assertEquals(DOT, DiagramRenderer.render(GOOGLENET));
    NetworkAnalysis again = ShippedSpecs.analyze(Path.of("..", "specs", "googlenet.yaml").toAbsolutePath());
    assertEquals(DOT, DiagramRenderer.render(again));
  }

  @Test
  void variantsRenderToo() {
    for (String spec : List.of("googlenet-torchvision.yaml", "googlenet-fashion.yaml")) {
      NetworkAnalysis analysis = ShippedSpecs.analyze(spec);
      DotGraph graph = DotGraph.parse(DiagramRenderer.render(analysis));
      for (Layer layer : analysis.spec().layers()) {
        assertTrue(graph.nodes().containsKey(layer.name()), spec + ": " + layer.name());
      }
    }
  }
}
