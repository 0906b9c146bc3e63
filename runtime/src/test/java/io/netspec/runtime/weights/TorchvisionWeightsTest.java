package io.netspec.runtime.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.netspec.dsl.python.DebianPython;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.ModelType;
import io.netspec.runtime.models.Network;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * torchvision's googlenet weights, converted by {@code tools/torchvision/convert_googlenet.py}, loaded into
 * netspec's googlenet-torchvision give torchvision's logits. No weights are downloaded: torchvision's network is
 * randomly initialised ({@code tools/torchvision/reference_logits.py}, seeded, BatchNorm statistics drawn at
 * random, {@code transform_input=False}, inference mode) and its logits on a random batch are the reference.
 * Needs Debian's python3-torch and python3-torchvision; skipped with that reason where they are missing.
 */
class TorchvisionWeightsTest {

  /** The largest absolute difference between torchvision's logits and netspec's accepted. */
  private static final double TOLERANCE = 1e-4;
  private static final long[] BATCH = {2, 3, 224, 224};

  @TempDir
  static Path folder;

  private static Path weights;
  private static float[] batch;
  private static float[] logits;

  @BeforeAll
  static void convertTorchvisionsNetwork() throws Exception {
    DebianPython.assumeTorch();
    Path tools = Path.of("..", "tools", "torchvision").toAbsolutePath().normalize();
    DebianPython.run(List.of(tools.resolve("reference_logits.py").toString(), folder.toString(), "7"), folder);
    weights = folder.resolve("googlenet.safetensors");
    String converted = DebianPython.run(List.of(tools.resolve("convert_googlenet.py").toString(),
        folder.resolve("googlenet.pth").toString(), weights.toString()), folder);
    assertTrue(converted.startsWith(weights + ": 364 tensors"), converted);
    batch = floats(folder.resolve("batch.bin"));
    logits = floats(folder.resolve("logits.bin"));
    assertEquals(2 * 1000, logits.length);
  }

  private static float[] floats(Path file) throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[bytes.remaining() / Float.BYTES];
    bytes.asFloatBuffer().get(values);
    return values;
  }

  /** The largest absolute difference between {@code type}'s logits with the converted weights and torchvision's. */
  private static double maxAbsDifference(ModelType type) throws Exception {
    Network network = type.build(Optional.of(1000), Optional.of(true));
    WeightsFile.load(weights, network);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray input = manager.create(batch, new ai.djl.ndarray.types.Shape(BATCH));
      NDArray ours = network.block().forward(new ParameterStore(manager, false), new NDList(input), false).head();
      assertEquals(new ai.djl.ndarray.types.Shape(2, 1000), ours.getShape());
      NDArray theirs = manager.create(logits, ours.getShape());
      double difference = ours.sub(theirs).abs().max().getFloat();
      System.out.printf("%s (%s) with torchvision's converted weights: max abs logit difference %.3g "
          + "(|logits| max %.3g)%n", type.name(), type.networkClass().getSimpleName(), difference,
          theirs.abs().max().getFloat());
      return difference;
    }
  }

  @Test
  void generatedGooglenetTorchvisionGivesTorchvisionsLogits() throws Exception {
    double difference = maxAbsDifference(ModelCatalog.generated().find("googlenet-torchvision"));
    assertTrue(difference <= TOLERANCE, "max abs difference " + difference);
  }

  @Test
  void interpretedSpecGivesTorchvisionsLogitsToo() throws Exception {
    double difference = maxAbsDifference(
        ModelType.ofSpecFile(Path.of("..", "specs", "googlenet-torchvision.yaml")));
    assertTrue(difference <= TOLERANCE, "max abs difference " + difference);
  }
}
