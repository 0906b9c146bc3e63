package io.netspec.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --precision} end to end on a slice of the embedded sample: a run trained in FP32 and one trained with
 * {@code --precision bf16} from the same seed and recipe, the second resumed; {@code eval} of the FP32 run in
 * both precisions.
 */
class PrecisionCliTest {

  private static final int LIMIT = 600;

  /**
   * Eval in bf16 against FP32, in points of top-1 accuracy. An image's class changes only where its two highest
   * logits lie within bf16's error of each other (logits within about 1% of their size, MixedPrecisionTest in
   * the blocks module), a few of the 600 held-out images at most: 1.5 points is 9 images.
   */
  private static final double EVAL_POINTS = 1.5;

  @TempDir
  static Path work;

  private static Path fp32Run;
  private static Path bf16Run;
  private static String bf16Console;
  private static String resumedConsole;

  @BeforeAll
  static void trainInBothPrecisions() {
    List<String> recipe = List.of("train", "--limit", Integer.toString(LIMIT), "--epochs", "1", "--optimizer",
        "adam", "--batch-size", "32", "--device", "cpu", "--output", work.resolve("runs").toString());
    CliRun fp32 = CliRun.of(recipe.toArray(String[]::new));
    assertEquals(0, fp32.code(), fp32.err());
    fp32Run = work.resolve("runs/train-1");
    CliRun bf16 = CliRun.of(concat(recipe, "--precision", "bf16"));
    assertEquals(0, bf16.code(), bf16.err());
    bf16Console = bf16.out();
    bf16Run = work.resolve("runs/train-2");
    CliRun resumed = CliRun.of("train", "--resume", bf16Run.toString(), "--epochs", "2");
    assertEquals(0, resumed.code(), resumed.err());
    resumedConsole = resumed.out();
  }

  @Test
  void runJsonRecordsThePrecisionAndResumeKeepsIt() throws Exception {
    assertEquals("fp32", settings(fp32Run).get("precision").getAsString());
    // the default is not named, as other options at their defaults are not
    assertEquals("bf16", settings(bf16Run).get("precision").getAsString(), "after the resumed epoch too");
    assertTrue(recipeLine(bf16Console).endsWith(", bf16"), bf16Console);
    assertTrue(recipeLine(resumedConsole).endsWith(", bf16"), resumedConsole);
    assertEquals(2, json(bf16Run.resolve("run.json")).get("epochs_done").getAsInt());
  }

  @Test
  void bf16TrainingLearns() throws Exception {
    // chance is 10%; the FP32 run of the same recipe reaches about 60%
    double bf16 = json(bf16Run.resolve("run.json")).get("best_val_accuracy").getAsDouble();
    assertTrue(bf16 > 0.4, "bf16 run: " + bf16 + "\n" + resumedConsole);
  }

  @Test
  void evalInBf16ScoresAsFp32Does() {
    double fp32 = top1(CliRun.of("eval", fp32Run.toString(), "-o", work.resolve("fp32.json").toString()));
    CliRun bf16 = CliRun.of("eval", fp32Run.toString(), "--precision", "bf16", "-o",
        work.resolve("bf16.json").toString());
    assertTrue(bf16.out().contains(", bf16): scoring"), bf16.out());
    assertEquals(fp32, top1(bf16), EVAL_POINTS, bf16.out());
  }

  @Test
  void anUnknownPrecisionIsOneUsageLine() {
    for (String[] args : List.of(new String[] {"train", "--precision", "fp8"},
        new String[] {"eval", "runs/x", "--precision", "fp8"}, new String[] {"predict", "runs/x", "a.png",
            "--precision", "fp8"})) {
      CliRun result = CliRun.of(args);
      assertEquals(2, result.code(), String.join(" ", args) + ": " + result.err());
      assertTrue(result.err().startsWith("netspec: usage error: "), result.err());
      assertTrue(result.err().contains("expected one of [fp32, bf16] but was 'fp8'"), result.err());
      assertFalse(result.err().contains("\tat "), result.err());
    }
  }

  private static double top1(CliRun eval) {
    assertEquals(0, eval.code(), eval.err());
    Matcher top1 = Pattern.compile("top-1 accuracy ([0-9.]+)%").matcher(eval.out());
    assertTrue(top1.find(), eval.out());
    return Double.parseDouble(top1.group(1));
  }

  private static String recipeLine(String console) {
    return console.lines().filter(line -> line.startsWith("recipe: ")).findFirst().orElse("(no recipe line)");
  }

  private static JsonObject settings(Path run) throws Exception {
    return json(run.resolve("run.json")).getAsJsonObject("settings");
  }

  private static JsonObject json(Path file) throws Exception {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  private static String[] concat(List<String> first, String... more) {
    return java.util.stream.Stream.concat(first.stream(), java.util.stream.Stream.of(more)).toArray(String[]::new);
  }
}
