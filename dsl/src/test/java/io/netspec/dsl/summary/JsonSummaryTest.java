package io.netspec.dsl.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netspec.dsl.analysis.NetworkAnalysis;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The JSON summary parses back, and its figures are the analysis' and the reference's. */
class JsonSummaryTest {

  @Test
  void parsesBackWithTheAnalysisTotals() throws Exception {
    NetworkAnalysis analysis = TextSummaryTest.analyze("googlenet.yaml");
    JsonObject json = JsonParser.parseString(JsonSummary.render(analysis)).getAsJsonObject();
    JsonObject totals = json.getAsJsonObject("totals");
    assertEquals(analysis.weights(), totals.get("weights").getAsLong());
    assertEquals(analysis.ops(), totals.get("ops").getAsLong());
    assertEquals(analysis.trainableParams(false), totals.get("trainableParams").getAsLong());
    assertEquals(analysis.trainableParams(true), totals.get("trainableParamsWithAux").getAsLong());
    assertEquals(analysis.rows().size(), json.getAsJsonArray("rows").size());
    assertEquals(2, json.getAsJsonArray("auxiliaryClassifiers").size());
  }

  /** googlenet-table1.md works inception (3a) through: 163,328 weights, 163,328·28·28 ops, 28x28x256 out. */
  @Test
  void inception3aRowIsTheReferencesWorkedExample() throws Exception {
    JsonObject row = row(TextSummaryTest.analyze("googlenet.yaml"), "inception_3a");
    assertEquals("inception", row.get("type").getAsString());
    assertEquals(163_328, row.get("weights").getAsLong());
    assertEquals(163_328L * 28 * 28, row.get("ops").getAsLong());
    // every convolution of the module has a bias: 64 + 96 + 128 + 16 + 32 + 32 output channels
    assertEquals(368, row.get("biases").getAsLong());
    assertEquals(163_328 + 368, row.get("trainableParams").getAsLong());
    JsonObject output = row.getAsJsonObject("output");
    assertEquals(28, output.get("height").getAsInt());
    assertEquals(28, output.get("width").getAsInt());
    assertEquals(256, output.get("channels").getAsInt());
    assertTrue(row.getAsJsonObject("paper").get("agrees").getAsBoolean());
    assertEquals("159K", row.getAsJsonObject("paper").get("params").getAsString());
  }

  @Test
  void conv1DisagreesWithThePrintedTable() throws Exception {
    JsonObject conv1 = row(TextSummaryTest.analyze("googlenet.yaml"), "conv1");
    assertEquals(7 * 7 * 3 * 64, conv1.get("weights").getAsLong());
    assertFalse(conv1.getAsJsonObject("paper").get("agrees").getAsBoolean());
  }

  @Test
  void isDeterministic() throws Exception {
    assertEquals(JsonSummary.render(TextSummaryTest.analyze("googlenet-fashion.yaml")),
        JsonSummary.render(TextSummaryTest.analyze("googlenet-fashion.yaml")));
  }

  private static JsonObject row(NetworkAnalysis analysis, String name) {
    JsonArray rows = JsonParser.parseString(JsonSummary.render(analysis)).getAsJsonObject().getAsJsonArray("rows");
    return StreamSupport.stream(rows.spliterator(), false)
        .map(element -> element.getAsJsonObject())
        .filter(row -> row.get("name").getAsString().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
