package io.netspec.runtime.train;

import io.netspec.blocks.Precision;
import io.netspec.runtime.data.Augmentation;
import java.util.Locale;
import java.util.Objects;

/**
 * How to train: the {@code train} command's options over the spec's {@code training:} recipe over netspec's
 * built-in defaults ({@link RecipeOptions}).
 *
 * @param epochs passes over the training images (in all, counting those of a run being resumed)
 * @param batchSize images per optimizer step (over all devices together)
 * @param optimizer the optimizer
 * @param learningRate the base learning rate
 * @param schedule how the learning rate changes by epoch
 * @param warmupEpochs epochs over which the rate rises linearly from zero to the schedule's, 0 for none
 * @param weightDecay L2 weight decay
 * @param seed seeds DJL's and PyTorch's random generators: initial weights, shuffling, dropout, augmentation
 * @param devices where to train
 * @param augmentation random changes to the training images
 * @param labelSmoothing the share of every target spread evenly over all classes, 0 for none
 * @param gradientClip the largest absolute value of a gradient element, 0 for no clipping
 * @param workers threads that decode images and make batches ahead of the training step
 * @param precision the number format of the forward and backward passes ({@code --precision})
 * @param replicas parts of each batch trained side by side on the CPU, each on one core ({@code --replicas}); 1
 *     for one pass over the whole batch, with libtorch's operators sharing the cores
 */
public record TrainingSettings(int epochs, int batchSize, OptimizerChoice optimizer, float learningRate,
    LearningRateSchedule schedule, int warmupEpochs, float weightDecay, int seed, DeviceChoice devices,
    Augmentation augmentation, float labelSmoothing, float gradientClip, int workers, Precision precision,
    int replicas) {

  public TrainingSettings {
    Objects.requireNonNull(precision, "precision");
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, not " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("the learning rate must be positive, not " + learningRate);
    }
    if (warmupEpochs < 0) {
      throw new IllegalArgumentException("warm-up epochs must be zero or positive, not " + warmupEpochs);
    }
    if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay must be zero or positive, not " + weightDecay);
    }
    if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
      throw new IllegalArgumentException("label smoothing must be at least 0 and below 1, not " + labelSmoothing);
    }
    if (!(gradientClip >= 0) || Float.isInfinite(gradientClip)) {
      throw new IllegalArgumentException("gradient clipping must be zero (off) or positive, not " + gradientClip);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, not " + workers);
    }
    if (replicas < 1) {
      throw new IllegalArgumentException("--replicas must be at least 1, not " + replicas);
    }
    if (replicas > batchSize) {
      throw new IllegalArgumentException("--replicas " + replicas + " needs batches of at least as many images, not "
          + batchSize);
    }
  }

  /** Settings trained as one pass over each batch. */
  public TrainingSettings(int epochs, int batchSize, OptimizerChoice optimizer, float learningRate,
      LearningRateSchedule schedule, int warmupEpochs, float weightDecay, int seed, DeviceChoice devices,
      Augmentation augmentation, float labelSmoothing, float gradientClip, int workers, Precision precision) {
    this(epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay, seed, devices,
        augmentation, labelSmoothing, gradientClip, workers, precision, 1);
  }

  /** Settings in FP32. */
  public TrainingSettings(int epochs, int batchSize, OptimizerChoice optimizer, float learningRate,
      LearningRateSchedule schedule, int warmupEpochs, float weightDecay, int seed, DeviceChoice devices,
      Augmentation augmentation, float labelSmoothing, float gradientClip, int workers) {
    this(epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay, seed, devices,
        augmentation, labelSmoothing, gradientClip, workers, Precision.FP32);
  }

  /** Settings without label smoothing or gradient clipping, on one loading thread. */
  public TrainingSettings(int epochs, int batchSize, OptimizerChoice optimizer, float learningRate,
      LearningRateSchedule schedule, int warmupEpochs, float weightDecay, int seed, DeviceChoice devices,
      Augmentation augmentation) {
    this(epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay, seed, devices,
        augmentation, 0, 0, 1);
  }

  /** The learning rate over the whole run. */
  public LearningRatePlan learningRatePlan() {
    return new LearningRatePlan(schedule, learningRate, epochs, warmupEpochs);
  }

  /** The same settings for a run of {@code total} epochs in all. */
  public TrainingSettings withEpochs(int total) {
    return new TrainingSettings(total, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay,
        seed, devices, augmentation, labelSmoothing, gradientClip, workers, precision, replicas);
  }

  /** The same settings on other devices. */
  public TrainingSettings withDevices(DeviceChoice other) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay,
        seed, other, augmentation, labelSmoothing, gradientClip, workers, precision, replicas);
  }

  /** The same settings with {@code threads} loading threads. */
  public TrainingSettings withWorkers(int threads) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay,
        seed, devices, augmentation, labelSmoothing, gradientClip, threads, precision, replicas);
  }

  /** The same settings in another number format. */
  public TrainingSettings withPrecision(Precision format) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay,
        seed, devices, augmentation, labelSmoothing, gradientClip, workers, format, replicas);
  }

  /** The same settings with each batch split over {@code count} replicas on the CPU. */
  public TrainingSettings withReplicas(int count) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay,
        seed, devices, augmentation, labelSmoothing, gradientClip, workers, precision, count);
  }

  /** The recipe in one line, for the console. */
  public String describe() {
    StringBuilder text = new StringBuilder(String.format("%s lr %s, %s schedule", optimizer, plain(learningRate),
        schedule));
    if (warmupEpochs > 0) {
      text.append(", ").append(warmupEpochs).append(" warm-up epoch").append(warmupEpochs == 1 ? "" : "s");
    }
    text.append(", ").append(epochs).append(epochs == 1 ? " epoch" : " epochs").append(" of batch ").append(batchSize);
    text.append(", augment ").append(augmentation);
    if (weightDecay > 0) {
      text.append(", weight decay ").append(plain(weightDecay));
    }
    if (labelSmoothing > 0) {
      text.append(", label smoothing ").append(plain(labelSmoothing));
    }
    if (gradientClip > 0) {
      text.append(", gradients clipped to ±").append(plain(gradientClip));
    }
    if (precision != Precision.FP32) {
      text.append(", ").append(precisionName(precision));
    }
    return text.toString();
  }

  /** The name {@code --precision} and run.json give the format: {@code fp32}, {@code bf16}. */
  public static String precisionName(Precision precision) {
    return precision.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named {@code name}, as {@link #precisionName} writes it.
   *
   * @throws IllegalArgumentException if no format has that name
   */
  public static Precision precisionNamed(String name) {
    for (Precision precision : Precision.values()) {
      if (precisionName(precision).equals(name)) {
        return precision;
      }
    }
    throw new IllegalArgumentException("no precision '" + name + "'");
  }

  /** {@code 0.0002}, not {@code 2.0E-4}; {@code 2}, not {@code 2.0}. */
  private static String plain(float value) {
    return new java.math.BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
  }
}
