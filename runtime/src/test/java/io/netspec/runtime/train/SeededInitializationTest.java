package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import io.netspec.runtime.data.FashionMnist;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives the same initial parameters, bit for bit. The generated googlenet-fashion (with its
 * auxiliary classifiers) is seeded and initialised the way {@link TrainingSession} does it before its first
 * step: {@code Engine.setRandomSeed(seed)}, then a {@link Trainer} on a {@link DefaultTrainingConfig} of the
 * {@link ClassifierLoss}, initialised for one-example batches. Seeds 42, 43, then 42 again, so that the third
 * initialisation starts from a generator the other two have used.
 */
class SeededInitializationTest {

  private static Map<String, Initial> first;
  private static Map<String, Initial> otherSeed;
  private static Map<String, Initial> again;

  /** One parameter's initial values and what kind of parameter it is. */
  private record Initial(Parameter.Type type, long[] shape, byte[] bytes) {}

  @BeforeAll
  static void initialise() throws Exception {
    first = initialParameters(42);
    otherSeed = initialParameters(43);
    again = initialParameters(42);
  }

  @Test
  void theSameSeedGivesBitIdenticalParameters() {
    assertEquals(List.copyOf(first.keySet()), List.copyOf(again.keySet()));
    for (Map.Entry<String, Initial> entry : first.entrySet()) {
      Initial a = entry.getValue();
      Initial b = again.get(entry.getKey());
      assertArrayEquals(a.shape(), b.shape(), entry.getKey());
      assertArrayEquals(a.bytes(), b.bytes(), entry.getKey() + " differs between two initialisations with seed 42");
    }
  }

  @Test
  void anotherSeedGivesOtherWeightsEverywhere() {
    List<String> weights = new ArrayList<>();
    for (Map.Entry<String, Initial> entry : first.entrySet()) {
      if (entry.getValue().type() == Parameter.Type.WEIGHT) {
        weights.add(entry.getKey());
        assertFalse(Arrays.equals(entry.getValue().bytes(), otherSeed.get(entry.getKey()).bytes()),
            entry.getKey() + " is the same with seeds 42 and 43: the seed does not reach it");
      }
    }
    // the convolutions and linear layers of the main path and of the auxiliary classifier
    assertTrue(weights.stream().anyMatch(name -> name.contains("conv1")), weights.toString());
    assertTrue(weights.stream().anyMatch(name -> name.contains("inception")), weights.toString());
    assertTrue(weights.stream().anyMatch(name -> name.contains("aux")), weights.toString());
  }

  private static Map<String, Initial> initialParameters(int seed) throws Exception {
    Network network = ModelCatalog.generated().find("googlenet-fashion")
        .build(Optional.of(FashionMnist.classes()), Optional.empty());
    assertTrue(network.hasAuxClassifiers(), "googlenet-fashion trains with auxiliary classifiers by default");
    Engine.getInstance().setRandomSeed(seed);
    Device[] devices = {Device.cpu()};
    DefaultTrainingConfig config = new DefaultTrainingConfig(new ClassifierLoss(network.auxLossWeights()))
        .optDevices(devices);
    Map<String, Initial> parameters = new LinkedHashMap<>();
    try (Model model = Model.newInstance(network.type().stem(), devices[0])) {
      model.setBlock(network.block());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(network.batchShape(1));
        for (Pair<String, Parameter> entry : network.block().getParameters()) {
          Parameter parameter = entry.getValue();
          parameters.put(entry.getKey(), new Initial(parameter.getType(),
              parameter.getArray().getShape().getShape(), parameter.getArray().toByteArray()));
        }
      }
    }
    return parameters;
  }
}
