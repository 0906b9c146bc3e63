package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --replicas 2} end to end on a slice of the embedded sample: it trains, says so, records the count
 * in run.json, keeps it on {@code --resume}, gives libtorch its operator threads back, and refuses counts it
 * cannot use with a usage error.
 */
class ReplicasCliTest {

  private static final int LIMIT = 600;

  @TempDir
  static Path work;

  private static Path run;
  private static String console;
  private static String resumedConsole;
  private static int operatorThreadsBefore;
  private static int operatorThreadsAfter;

  @BeforeAll
  static void trainWithTwoReplicas() {
    Engine.getInstance();
    operatorThreadsBefore = JniUtils.getNumThreads();
    CliRun trained = CliRun.of("train", "--limit", Integer.toString(LIMIT), "--epochs", "1", "--optimizer", "adam",
        "--batch-size", "32", "--device", "cpu", "--replicas", "2", "--output", work.resolve("runs").toString());
    assertEquals(0, trained.code(), trained.err());
    console = trained.out();
    run = work.resolve("runs/train-1");
    CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", "2");
    assertEquals(0, resumed.code(), resumed.err());
    resumedConsole = resumed.out();
    operatorThreadsAfter = JniUtils.getNumThreads();
  }

  @Test
  void theRunSaysItTrainsOnReplicasAndRecordsTheCountWhichResumeKeeps() throws Exception {
    assertTrue(console.contains("on cpu() (2 replicas, one core each);"), console);
    assertTrue(resumedConsole.contains("(2 replicas, one core each)"), resumedConsole);
    JsonObject record = JsonParser.parseString(Files.readString(run.resolve("run.json"))).getAsJsonObject();
    assertEquals(2, record.getAsJsonObject("settings").get("replicas").getAsInt());
    assertEquals(2, record.get("epochs_done").getAsInt());
  }

  @Test
  void twoReplicasLearn() throws Exception {
    // chance is 10%; one pass over each batch reaches about 60% with this recipe (PrecisionCliTest)
    JsonObject record = JsonParser.parseString(Files.readString(run.resolve("run.json"))).getAsJsonObject();
    double best = record.get("best_val_accuracy").getAsDouble();
    assertTrue(best > 0.4, "best val_accuracy " + best + "\n" + resumedConsole);
  }

  @Test
  void libtorchGetsItsOperatorThreadsBack() {
    assertEquals(operatorThreadsBefore, operatorThreadsAfter);
  }

  @Test
  void aCountThatCannotBeUsedIsAUsageError() {
    for (List<String> args : List.of(List.of("--replicas", "0"), List.of("--replicas", "64", "--batch-size", "32"))) {
      CliRun result = CliRun.of(Stream.concat(Stream.of("train", "--limit", "64", "--output",
          work.resolve("refused").toString()), args.stream()).toArray(String[]::new));
      assertEquals(2, result.code(), args + ": " + result.err());
      assertTrue(result.err().startsWith("netspec: usage error: --replicas "), result.err());
      assertFalse(result.err().contains("\tat "), result.err());
      assertFalse(Files.exists(work.resolve("refused")), "no run folder for refused arguments");
    }
  }
}
