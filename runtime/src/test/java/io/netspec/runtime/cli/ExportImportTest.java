package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.dsl.tensors.NamedTensor;
import io.netspec.dsl.tensors.TensorNames;
import io.netspec.runtime.data.EmbeddedSample;
import io.netspec.runtime.data.LabeledImages;
import io.netspec.runtime.data.Split;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.Network;
import io.netspec.runtime.weights.WeightsFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --format safetensors} of a trained run, and the file read back by {@code eval}, {@code predict}
 * and {@code train} with {@code --weights}: the same parameters, bit for bit, and one line for a file that does
 * not fit.
 */
class ExportImportTest {

  @TempDir
  static Path work;

  private static Path run;
  private static Path exported;

  @BeforeAll
  static void trainAndExport() {
    CliRun train = CliRun.of("train", "--limit", "200", "--epochs", "1", "--batch-size", "32", "--device", "cpu",
        "--output", work.resolve("runs").toString());
    assertEquals(0, train.code(), train.err());
    run = work.resolve("runs/train-1");
    CliRun export = CliRun.of("export", run.toString(), "--format", "safetensors");
    assertEquals(0, export.code(), export.err());
    exported = run.resolve("best.safetensors");
    assertTrue(export.out().matches("\\Q" + exported + "\\E: [0-9]+ bytes \\(SAFETENSORS\\)\\R"), export.out());
  }

  private static Network freshFashionNetwork(int classes) throws Exception {
    return ModelCatalog.generated().find("googlenet-fashion").build(Optional.of(classes), Optional.of(true));
  }

  private static NDList decode(Path file, NDManager manager) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return NDList.decode(manager, in);
    }
  }

  @Test
  void exportHoldsEveryTensorOfTheSpecUnderItsNameAndShape() throws Exception {
    List<NamedTensor> names = TensorNames.of(SpecLoader.load(Path.of("..", "specs", "googlenet-fashion.yaml")), 10);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList tensors = decode(exported, manager);
      assertEquals(names.size(), tensors.size());
      for (NamedTensor name : names) {
        var array = tensors.stream().filter(a -> a.getName().equals(name.name())).findFirst().orElseThrow();
        assertEquals(name.shapeText(), Arrays.toString(array.getShape().getShape()), name.name());
      }
    }
    try (Stream<Path> files = Files.list(run)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no temporary file left");
    }
  }

  @Test
  void importedIntoAFreshNetworkTheyGiveAByteIdenticalParamsFile() throws Exception {
    Network original = freshFashionNetwork(10);
    Network imported = freshFashionNetwork(10);
    WeightsFile.load(exported, imported);
    Path saved = Files.createDirectory(work.resolve("round-trip"));
    try (Model source = Model.newInstance("best"); Model copy = Model.newInstance("best")) {
      source.setBlock(original.block());
      try (InputStream in = Files.newInputStream(run.resolve("best.params"))) {
        source.load(in); // for its properties (Epoch), which the .params header holds
      }
      copy.setBlock(imported.block());
      source.getProperties().forEach(copy::setProperty);
      copy.save(saved, "best");
    }
    Path file;
    try (Stream<Path> files = Files.list(saved)) {
      file = files.findFirst().orElseThrow();
    }
    assertArrayEquals(Files.readAllBytes(run.resolve("best.params")), Files.readAllBytes(file));
  }

  @Test
  void evalAndPredictWithTheExportedWeightsGiveWhatTheRunGives() throws Exception {
    CliRun own = CliRun.of("eval", run.toString(), "--limit", "100", "-o", work.resolve("own.json").toString());
    CliRun weights = CliRun.of("eval", run.toString(), "--limit", "100", "--weights", exported.toString(),
        "-o", work.resolve("weights.json").toString());
    assertEquals(0, own.code(), own.err());
    assertEquals(0, weights.code(), weights.err());
    assertTrue(weights.out().startsWith(run + " (googlenet-fashion, " + exported + ")"), weights.out());
    assertTrue(weights.out().lines().findFirst().orElseThrow().contains(exported.toString()), weights.out());
    assertEquals(own.out().lines().skip(1).filter(l -> !l.contains(" written to ")).toList(),
        weights.out().lines().skip(1).filter(l -> !l.contains(" written to ")).toList());
    assertEquals(Files.readString(work.resolve("own.json")), Files.readString(work.resolve("weights.json")));
    LabeledImages images = new EmbeddedSample().load(Split.TRAIN).limit(3);
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      files.add(PngFiles.write(images, i, work.resolve("predict-" + i + ".png")).toString());
    }
    List<String> ownArgs = new ArrayList<>(List.of("predict", run.toString()));
    ownArgs.addAll(files);
    List<String> weightArgs = new ArrayList<>(List.of("predict", run.toString(), "--weights", exported.toString()));
    weightArgs.addAll(files);
    CliRun ownPredict = CliRun.of(ownArgs.toArray(String[]::new));
    CliRun weightPredict = CliRun.of(weightArgs.toArray(String[]::new));
    assertEquals(0, weightPredict.code(), weightPredict.err());
    assertEquals(3, weightPredict.out().lines().count(), weightPredict.out());
    assertEquals(ownPredict.out(), weightPredict.out());
  }

  @Test
  void trainStartsFromTheFilesParameters() throws Exception {
    // a learning rate so small that no float32 weight moves: the run's parameters are the file's, and stay so
    CliRun train = CliRun.of("train", "--weights", exported.toString(), "--limit", "64", "--epochs", "1",
        "--batch-size", "32", "--device", "cpu", "--lr", "1e-30", "--optimizer", "sgd",
        "--output", work.resolve("fine-tuned").toString());
    assertEquals(0, train.code(), train.err());
    Path tuned = work.resolve("fine-tuned/train-1");
    Path again = work.resolve("again.safetensors");
    CliRun export = CliRun.of("export", tuned.toString(), "--format", "safetensors", "--params", "last",
        "-o", again.toString());
    assertEquals(0, export.code(), export.err());
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList before = decode(exported, manager);
      NDList after = decode(again, manager);
      for (String name : List.of("conv1.conv.weight", "inception_4a.branch2.1.conv.weight", "fc.weight", "fc.bias",
          "aux1.fc2.weight")) {
        assertArrayEquals(before.get(name).toFloatArray(), after.get(name).toFloatArray(), name);
      }
    }
  }

  @Test
  void trainOnAnotherClassCountTakesAllButTheClassScores() throws Exception {
    Path five = work.resolve("five-for-training.safetensors");
    WeightsFile.export(freshFashionNetwork(5), five);
    CliRun train = CliRun.of("train", "--weights", five.toString(), "--limit", "64", "--epochs", "1",
        "--batch-size", "32", "--device", "cpu", "--lr", "1e-30", "--optimizer", "sgd",
        "--output", work.resolve("five-tuned").toString());
    assertEquals(0, train.code(), train.err());
    assertTrue(train.out().contains("weights: " + five + " (another class count: fc.weight, fc.bias, "
        + "aux1.fc2.weight, aux1.fc2.bias start as initialised)"), train.out());
    Path again = work.resolve("five-tuned.safetensors");
    CliRun export = CliRun.of("export", work.resolve("five-tuned/train-1").toString(), "--format", "safetensors",
        "-o", again.toString());
    assertEquals(0, export.code(), export.err());
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList before = decode(five, manager);
      NDList after = decode(again, manager);
      assertArrayEquals(before.get("conv1.conv.weight").toFloatArray(), after.get("conv1.conv.weight").toFloatArray());
      assertEquals(new ai.djl.ndarray.types.Shape(10, 208), after.get("fc.weight").getShape());
    }
  }

  @Test
  void aFileWithAnotherShapeIsRefusedInOneLineNamingBothShapes() throws Exception {
    Path five = work.resolve("five-classes.safetensors");
    Network network = freshFashionNetwork(5);
    WeightsFile.export(network, five);
    CliRun eval = CliRun.of("eval", run.toString(), "--weights", five.toString());
    assertEquals(1, eval.code());
    assertEquals("netspec: error: " + five + ": tensor 'fc.weight' has shape [5, 208] in the file, [10, 208] in "
        + "network GooglenetFashion\n", eval.err());
    CliRun predict = CliRun.of("predict", run.toString(), "--weights", five.toString(), "x.png");
    assertEquals(1, predict.code(), predict.err());
  }

  @Test
  void aTruncatedFileAnUnknownFormatAndARunWithoutParametersGetOneLineAndNoFile() throws Exception {
    Path cut = work.resolve("cut.safetensors");
    byte[] whole = Files.readAllBytes(exported);
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    CliRun eval = CliRun.of("eval", run.toString(), "--weights", cut.toString());
    assertEquals(1, eval.code());
    assertTrue(eval.err().startsWith("netspec: error: " + cut + ": truncated safetensors file ("), eval.err());
    assertEquals(1, eval.err().lines().count(), eval.err());

    Path out = work.resolve("never.safetensors");
    CliRun unknown = CliRun.of("export", run.toString(), "--format", "tflite", "-o", out.toString());
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("netspec: usage error: "), unknown.err());
    assertTrue(unknown.err().contains("tflite"), unknown.err());

    Path empty = Files.createDirectory(work.resolve("no-params"));
    Files.copy(run.resolve("run.json"), empty.resolve("run.json"));
    Files.copy(run.resolve("class_indices.json"), empty.resolve("class_indices.json"));
    CliRun missing = CliRun.of("export", empty.toString(), "--format", "safetensors", "-o", out.toString());
    assertEquals(1, missing.code());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().startsWith("netspec: error: "), missing.err());
    assertFalse(Files.exists(out));
  }
}
