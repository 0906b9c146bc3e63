package io.netspec.runtime.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netspec.blocks.Precision;
import io.netspec.runtime.data.Augmentation;
import io.netspec.runtime.data.ImageFolder;
import io.netspec.runtime.data.JpegDecoderChoice;
import io.netspec.runtime.data.TrainingData;
import io.netspec.runtime.models.ModelRecord;
import io.netspec.runtime.models.Network;
import java.util.List;
import java.util.Locale;

/**
 * The contents of {@code run.json} and {@code class_indices.json}: what was trained, on what, and how, and the
 * settings a resumed run reads back ({@link #settings}).
 */
final class RunDescription {

  private RunDescription() {}

  /** What the run is about to do; {@link #withResult} adds what it did. */
  static JsonObject describe(Network network, TrainingData data, TrainingSettings settings, Device[] devices,
      Engine engine) {
    JsonObject run = new JsonObject();
    ModelRecord.describe(network.type(), run);
    run.add("input_shape", shape(network.type().inputShape().getShape()));
    run.addProperty("classes", network.classes());
    run.addProperty("aux_classifiers", network.hasAuxClassifiers());
    run.addProperty("trainable_parameters", network.trainableParameters());

    JsonObject dataJson = new JsonObject();
    dataJson.addProperty("source", data.source().description());
    dataJson.addProperty("argument", data.source().argument());
    dataJson.addProperty("limit", data.limit());
    dataJson.addProperty("image_channels", data.train().channels());
    dataJson.addProperty("image_height", data.train().height());
    dataJson.addProperty("image_width", data.train().width());
    dataJson.addProperty("skipped_files", data.source().skipped().size());
    if (data.source() instanceof ImageFolder) {
      dataJson.addProperty("jpeg_decoder", JpegDecoderChoice.describe());
    }
    dataJson.addProperty("train_images", data.train().count());
    dataJson.addProperty("test_images", data.test().count());
    dataJson.addProperty("pixel_mean", data.statistics().mean());
    dataJson.addProperty("pixel_std", data.statistics().std());
    run.add("data", dataJson);

    JsonObject settingsJson = new JsonObject();
    settingsJson.addProperty("epochs", settings.epochs());
    settingsJson.addProperty("batch_size", settings.batchSize());
    settingsJson.addProperty("optimizer", settings.optimizer().toString());
    settingsJson.addProperty("learning_rate", settings.learningRate());
    settingsJson.addProperty("schedule", settings.schedule().toString());
    settingsJson.addProperty("warmup_epochs", settings.warmupEpochs());
    settingsJson.addProperty("weight_decay", settings.weightDecay());
    settingsJson.addProperty("seed", settings.seed());
    settingsJson.addProperty("augmentation", settings.augmentation().toString());
    settingsJson.addProperty("label_smoothing", settings.labelSmoothing());
    settingsJson.addProperty("gradient_clip", settings.gradientClip());
    settingsJson.addProperty("workers", settings.workers());
    settingsJson.addProperty("device", settings.devices().text());
    settingsJson.addProperty("precision", TrainingSettings.precisionName(settings.precision()));
    settingsJson.addProperty("replicas", settings.replicas());
    run.add("settings", settingsJson);

    run.addProperty("engine", engine.getEngineName() + " " + engine.getVersion());
    JsonArray deviceNames = new JsonArray();
    for (Device device : devices) {
      deviceNames.add(device.toString());
    }
    run.add("devices", deviceNames);
    return run;
  }

  /**
   * Records where the run's starting weights came from ({@code train --weights}), which parameters started
   * afresh, and which rows were frozen ({@code --freeze}).
   *
   * @param origin the weights' origin, or null for random initialisation
   */
  static void addStart(JsonObject run, String origin, List<String> reinitialised, List<String> frozen) {
    JsonObject weights = new JsonObject();
    weights.addProperty("from", origin == null ? "random initialisation" : origin);
    JsonArray fresh = new JsonArray();
    reinitialised.forEach(fresh::add);
    weights.add("reinitialised", fresh);
    JsonArray rows = new JsonArray();
    frozen.forEach(rows::add);
    weights.add("frozen_rows", rows);
    run.add("weights", weights);
  }

  /** {@code run} with the outcome so far added: epochs done, best epoch and accuracy, seconds. */
  static JsonObject withResult(JsonObject run, TrainingResult result) {
    JsonObject done = run.deepCopy();
    done.addProperty("epochs_done", result.epochs().size());
    done.addProperty("best_epoch", result.bestEpoch());
    done.addProperty("best_val_accuracy", result.best().validationAccuracy());
    done.addProperty("last_val_accuracy", result.last().validationAccuracy());
    done.addProperty("seconds", Math.round(result.seconds() * 100) / 100.0);
    return done;
  }

  /**
   * The settings recorded in {@code run.json}, for {@code train --resume}.
   *
   * @throws IllegalArgumentException if one is missing or malformed
   */
  static TrainingSettings settings(JsonObject run) {
    try {
      JsonObject s = run.getAsJsonObject("settings");
      return new TrainingSettings(s.get("epochs").getAsInt(), s.get("batch_size").getAsInt(),
          OptimizerChoice.valueOf(s.get("optimizer").getAsString().toUpperCase(Locale.ROOT)),
          s.get("learning_rate").getAsFloat(),
          LearningRateSchedule.valueOf(s.get("schedule").getAsString().toUpperCase(Locale.ROOT)),
          s.get("warmup_epochs").getAsInt(), s.get("weight_decay").getAsFloat(), s.get("seed").getAsInt(),
          DeviceChoice.parse(s.get("device").getAsString()), Augmentation.parse(s.get("augmentation").getAsString()),
          s.has("label_smoothing") ? s.get("label_smoothing").getAsFloat() : 0,
          s.has("gradient_clip") ? s.get("gradient_clip").getAsFloat() : 0,
          s.has("workers") ? s.get("workers").getAsInt() : 1,
          // runs from before --precision trained in FP32
          s.has("precision") ? TrainingSettings.precisionNamed(s.get("precision").getAsString()) : Precision.FP32,
          s.has("replicas") ? s.get("replicas").getAsInt() : 1); // runs from before --replicas had one
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("run.json: settings unreadable (" + e.getMessage() + ")", e);
    }
  }

  /** Class index to class name. */
  static JsonObject classIndices(List<String> names) {
    JsonObject json = new JsonObject();
    for (int i = 0; i < names.size(); i++) {
      json.addProperty(Integer.toString(i), names.get(i));
    }
    return json;
  }

  private static JsonArray shape(long[] dimensions) {
    JsonArray json = new JsonArray();
    for (long d : dimensions) {
      json.add(d);
    }
    return json;
  }
}
