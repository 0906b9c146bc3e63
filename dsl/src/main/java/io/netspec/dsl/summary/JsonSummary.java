package io.netspec.dsl.summary;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.analysis.TensorShape;
import io.netspec.dsl.spec.PrintedFigures;
import java.util.List;
import java.util.Optional;

/**
 * Renders an analysis as JSON: the spec, every row (name, type, output shape, weights, biases, trainable
 * params, ops and the paper's figures where printed), the auxiliary classifiers and the totals. Keys come in
 * a fixed order, so the output is the same from one run to the next.
 */
public final class JsonSummary {

  private JsonSummary() {}

  /** The summary as pretty-printed JSON text. */
  public static String render(NetworkAnalysis analysis) {
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson(analysis));
  }

  /** The summary as a JSON tree. */
  public static JsonObject toJson(NetworkAnalysis analysis) {
    JsonObject json = new JsonObject();
    json.addProperty("file", analysis.spec().file());
    json.addProperty("className", analysis.spec().className());
    json.addProperty("sha256", analysis.spec().sha256());
    json.add("input", shape(analysis.input()));
    json.addProperty("classes", analysis.spec().classes());
    JsonObject training = new JsonObject();
    analysis.spec().training().values().forEach((key, value) -> {
      if (value instanceof Number number) {
        training.addProperty(key, number);
      } else {
        training.addProperty(key, value.toString());
      }
    });
    json.add("training", training);
    json.add("rows", rows(analysis, analysis.rows(), ""));
    JsonArray auxiliary = new JsonArray();
    for (AuxFigures aux : analysis.auxClassifiers()) {
      JsonObject classifier = new JsonObject();
      classifier.addProperty("name", aux.classifier().name());
      classifier.addProperty("after", aux.classifier().after());
      classifier.addProperty("lossWeight", aux.classifier().lossWeight());
      classifier.add("input", shape(aux.input()));
      classifier.add("rows", rows(analysis, aux.rows(), aux.classifier().name() + "."));
      classifier.addProperty("trainableParams", aux.trainableParams());
      auxiliary.add(classifier);
    }
    json.add("auxiliaryClassifiers", auxiliary);
    JsonObject totals = new JsonObject();
    totals.addProperty("weights", analysis.weights());
    totals.addProperty("ops", analysis.ops());
    totals.addProperty("trainableParams", analysis.trainableParams(false));
    totals.addProperty("trainableParamsWithAux", analysis.trainableParams(true));
    json.add("totals", totals);
    return json;
  }

  private static JsonArray rows(NetworkAnalysis analysis, List<RowFigures> figures, String prefix) {
    JsonArray rows = new JsonArray();
    for (RowFigures figure : figures) {
      JsonObject row = new JsonObject();
      row.addProperty("name", figure.layer().name());
      row.addProperty("type", figure.layer().type());
      row.add("output", shape(figure.output()));
      row.addProperty("depth", figure.depth());
      row.addProperty("weights", figure.weights());
      row.addProperty("biases", figure.biases());
      row.addProperty("normParams", figure.normParams());
      row.addProperty("trainableParams", figure.trainableParams());
      row.addProperty("ops", figure.ops());
      Optional.ofNullable(analysis.spec().printed().get(prefix + figure.layer().name()))
          .ifPresent(printed -> row.add("paper", paper(printed, PaperComparison.compare(figure, printed))));
      rows.add(row);
    }
    return rows;
  }

  private static JsonObject paper(PrintedFigures printed, PaperComparison.Verdict verdict) {
    JsonObject paper = new JsonObject();
    printed.params().ifPresent(params -> paper.addProperty("params", params));
    printed.ops().ifPresent(ops -> paper.addProperty("ops", ops));
    paper.addProperty("agrees", !verdict.disagrees());
    return paper;
  }

  private static JsonObject shape(TensorShape shape) {
    JsonObject json = new JsonObject();
    json.addProperty("height", shape.height());
    json.addProperty("width", shape.width());
    json.addProperty("channels", shape.channels());
    return json;
  }
}
