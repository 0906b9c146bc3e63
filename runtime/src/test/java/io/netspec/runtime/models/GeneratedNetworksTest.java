package io.netspec.runtime.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.analysis.TensorShape;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.dsl.spec.Softmax;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated network against the dsl's analysis of its spec: the block builds and initialises, each
 * child's output on a CPU forward pass has exactly the shape the analysis infers for its row, each auxiliary
 * classifier's output on its attach point's output too, and the trainable parameters (BatchNorm running
 * statistics excluded) are those the analysis counts, with and without the auxiliary classifiers.
 */
class GeneratedNetworksTest {

  /** The folder of the shipped specs; surefire sets it to {@code ../specs}. */
  private static final Path SPECS = Path.of(System.getProperty("netspec.specs", "../specs"));

  static Stream<ModelType> networks() throws ModelException {
    List<ModelType> all = ModelCatalog.generated().all();
    assertFalse(all.isEmpty(), "no generated network");
    return all.stream();
  }

  private static NetworkAnalysis analysis(ModelType type) throws Exception {
    return Analyzer.analyze(SpecLoader.load(SPECS.resolve(type.specFile())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void everyRowHasTheAnalysedShape(ModelType type) throws Exception {
    NetworkAnalysis analysis = analysis(type);
    Network network = type.build(Optional.empty(), Optional.of(true));
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      network.initialize(manager);
      ParameterStore parameters = new ParameterStore(manager, false);
      BlockList children = network.block().getChildren();
      List<RowFigures> rows = analysis.rows().stream().filter(r -> !(r.layer() instanceof Softmax)).toList();
      assertEquals(rows.size() + analysis.auxClassifiers().size(), children.size(), "children of " + type);

      NDList current = new NDList(manager.ones(network.batchShape(1)));
      Map<String, NDList> outputs = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        RowFigures row = rows.get(i);
        assertChildNamed(row.layer().name(), children.get(i).getKey());
        current = children.get(i).getValue().forward(parameters, current, false);
        assertShape(row.output(), current.head().getShape(), type + " row " + row.layer().name());
        outputs.put(row.layer().name(), current);
      }
      List<AuxFigures> auxes = analysis.auxClassifiers();
      for (int i = 0; i < auxes.size(); i++) {
        AuxFigures aux = auxes.get(i);
        Pair<String, Block> child = children.get(rows.size() + i);
        assertChildNamed(aux.classifier().name(), child.getKey());
        NDList out = child.getValue().forward(parameters, outputs.get(aux.classifier().after()), false);
        assertShape(aux.output(), out.head().getShape(), type + " " + aux.classifier().name());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void trainableParametersAreThoseAnalysed(ModelType type) throws Exception {
    NetworkAnalysis analysis = analysis(type);
    for (boolean aux : new boolean[] {false, true}) {
      Network network = type.build(Optional.empty(), Optional.of(aux));
      try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
        network.initialize(manager);
        assertEquals(analysis.trainableParams(aux), network.trainableParameters(), type + " aux " + aux);
      }
    }
  }

  /** DJL names a child {@code NNname}; the generator names it after the row, snake or lowerCamel case. */
  private static void assertChildNamed(String row, String child) {
    String name = child.replaceFirst("^\\d{2}", "");
    assertTrue(name.equals(row) || name.equals(lowerCamel(row)), "child " + child + " for row " + row);
  }

  private static String lowerCamel(String snake) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  /** {@code (1, C, H, W)} for a map; {@code (1, C)} also matches a {@code Cx1x1} vector. */
  private static void assertShape(TensorShape expected, Shape actual, String what) {
    Shape map = new Shape(1, expected.channels(), expected.height(), expected.width());
    boolean vector = expected.height() == 1 && expected.width() == 1;
    assertTrue(actual.equals(map) || (vector && actual.equals(new Shape(1, expected.channels()))),
        what + ": expected " + map + " (" + expected + "), got " + actual);
  }
}
