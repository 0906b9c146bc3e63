package io.netspec.runtime.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one epoch: one line of {@code metrics.jsonl}.
 *
 * @param epoch the epoch, from 1
 * @param loss the training objective: main loss plus the weighted auxiliary losses
 * @param mainLoss the main classifier's cross-entropy on the training images
 * @param auxLosses each auxiliary classifier's cross-entropy (unweighted) by name, in spec order
 * @param trainAccuracy the main classifier's accuracy on the training images, as trained (dropout on)
 * @param validationLoss the main cross-entropy on the held-out images
 * @param validationAccuracy the accuracy on the held-out images
 * @param learningRate the learning rate at the epoch's last step
 * @param imagesPerSecond training throughput
 * @param seconds wall time of the epoch, held-out evaluation included
 */
public record EpochMetrics(int epoch, double loss, double mainLoss, Map<String, Double> auxLosses,
    double trainAccuracy, double validationLoss, double validationAccuracy, float learningRate,
    double imagesPerSecond, double seconds) {

  /**
   * The names of the figures: keys of {@code metrics.jsonl}, and the same words on the console and in
   * {@code plot.png}. {@link #LOSS} is the training objective (main loss plus the weighted auxiliary losses),
   * {@link #MAIN_LOSS} the main classifier's loss alone; an auxiliary classifier's loss is named by the
   * classifier, under {@link #AUX_LOSSES}.
   */
  public static final String LOSS = "loss";
  public static final String MAIN_LOSS = "main_loss";
  public static final String AUX_LOSSES = "aux_losses";
  public static final String TRAIN_ACCURACY = "train_accuracy";
  public static final String VAL_LOSS = "val_loss";
  public static final String VAL_ACCURACY = "val_accuracy";

  public EpochMetrics {
    auxLosses = Collections.unmodifiableMap(new LinkedHashMap<>(auxLosses));
  }

  /** The JSON object of one {@code metrics.jsonl} line, keys in a fixed order. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("epoch", epoch);
    json.add(LOSS, number(loss, 6));
    json.add(MAIN_LOSS, number(mainLoss, 6));
    JsonObject aux = new JsonObject();
    auxLosses.forEach((name, value) -> aux.add(name, number(value, 6)));
    json.add(AUX_LOSSES, aux);
    json.add(TRAIN_ACCURACY, number(trainAccuracy, 6));
    json.add(VAL_LOSS, number(validationLoss, 6));
    json.add(VAL_ACCURACY, number(validationAccuracy, 6));
    json.addProperty("lr", learningRate);
    json.add("images_per_second", number(imagesPerSecond, 1));
    json.add("seconds", number(seconds, 2));
    return json;
  }

  /**
   * Reads back one line of {@code metrics.jsonl} as {@link #toJson} wrote it (a diverged loss, null, becomes
   * NaN).
   *
   * @throws IllegalArgumentException if a figure is missing
   */
  public static EpochMetrics fromJson(JsonObject json) {
    Map<String, Double> aux = new LinkedHashMap<>();
    JsonObject auxJson = json.has("aux_losses") ? json.getAsJsonObject("aux_losses") : new JsonObject();
    auxJson.keySet().forEach(name -> aux.put(name, number(auxJson, name)));
    return new EpochMetrics((int) number(json, "epoch"), number(json, "loss"), number(json, "main_loss"), aux,
        number(json, "train_accuracy"), number(json, "val_loss"), number(json, "val_accuracy"),
        (float) number(json, "lr"), number(json, "images_per_second"), number(json, "seconds"));
  }

  private static double number(JsonObject json, String key) {
    JsonElement value = json.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no " + key + " in " + json);
    }
    return value.isJsonNull() ? Double.NaN : value.getAsDouble();
  }

  /** The metrics of several epochs as JSON lines, each ending with a newline. */
  public static String toJsonLines(List<EpochMetrics> epochs) {
    StringBuilder lines = new StringBuilder();
    for (EpochMetrics m : epochs) {
      lines.append(m.toJson()).append('\n');
    }
    return lines.toString();
  }

  /** Whether every loss, held-out included, is a finite number: false once training has diverged. */
  public boolean isFinite() {
    return Double.isFinite(loss) && Double.isFinite(mainLoss) && Double.isFinite(validationLoss)
        && auxLosses.values().stream().allMatch(Double::isFinite);
  }

  /** Rounds to {@code digits} decimals; a value that is not finite (a diverged loss) becomes JSON null. */
  private static JsonElement number(double value, int digits) {
    if (!Double.isFinite(value)) {
      return JsonNull.INSTANCE;
    }
    double scale = Math.pow(10, digits);
    if (Math.abs(value) * scale >= Long.MAX_VALUE / 2.0) {
      return new JsonPrimitive(value); // too large to round through a long
    }
    return new JsonPrimitive(Math.round(value * scale) / scale);
  }
}
