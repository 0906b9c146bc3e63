package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpochMetricsTest {

  private static EpochMetrics metrics(double loss, double validationLoss) {
    return new EpochMetrics(2, loss, 0.5, Map.of("aux1", 0.75), 0.8, validationLoss, 0.85, 0.05f, 250.04, 31.456);
  }

  @Test
  void oneJsonLinePerEpochWithRoundedFigures() {
    String lines = EpochMetrics.toJsonLines(List.of(metrics(0.1234567891, 0.4), metrics(0.2, 0.3)));
    assertEquals(2, lines.lines().count());
    JsonObject first = JsonParser.parseString(lines.lines().findFirst().orElseThrow()).getAsJsonObject();
    assertEquals(0.123457, first.get("loss").getAsDouble());
    assertEquals(0.75, first.getAsJsonObject("aux_losses").get("aux1").getAsDouble());
    assertEquals(250.0, first.get("images_per_second").getAsDouble());
    assertEquals(31.46, first.get("seconds").getAsDouble());
  }

  @Test
  void divergedLossesAreJsonNullsAndHugeOnesStayHuge() {
    EpochMetrics diverged = metrics(Double.NaN, 8.2e24);
    assertFalse(diverged.isFinite());
    assertTrue(metrics(1, 1).isFinite());
    JsonObject json = JsonParser.parseString(diverged.toJson().toString()).getAsJsonObject();
    assertTrue(json.get("loss").isJsonNull());
    assertEquals(8.2e24, json.get("val_loss").getAsDouble());
  }
}
