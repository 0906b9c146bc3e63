package io.netspec.runtime.train;

import io.netspec.dsl.spec.TrainingRecipe;
import io.netspec.runtime.data.Augmentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The recipe options of {@code train}, each null where the command line does not give it, and how they combine
 * with a spec's {@code training:} section: the command line wins, then the spec (inherited along
 * {@code extends}), then netspec's built-in defaults ({@link #DEFAULT_EPOCHS} epochs of batch
 * {@value #DEFAULT_BATCH_SIZE}, SGD at {@link OptimizerChoice#defaultLearningRate()}, cosine schedule, no warm-up,
 * decay, augmentation, smoothing or clipping).
 */
public record RecipeOptions(Integer epochs, Integer batchSize, OptimizerChoice optimizer, Float learningRate,
    LearningRateSchedule schedule, Integer warmupEpochs, Float weightDecay, Augmentation augmentation,
    Float labelSmoothing, Float gradientClip, Integer imageSize) {

  static final int DEFAULT_EPOCHS = 4;
  static final int DEFAULT_BATCH_SIZE = 64;

  /**
   * The settings of a run.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public TrainingSettings resolve(TrainingRecipe spec, int seed, DeviceChoice devices, int workers) {
    OptimizerChoice chosenOptimizer = pick(optimizer,
        spec.optimizer().map(word -> OptimizerChoice.valueOf(word.toUpperCase(Locale.ROOT))), OptimizerChoice.SGD);
    // the spec's learning rate belongs to its optimizer: another optimizer on the command line takes its own
    boolean sameOptimizer = optimizer == null
        || chosenOptimizer.toString().equals(spec.optimizer().orElse(OptimizerChoice.SGD.toString()));
    float rate = pick(learningRate, spec.learningRate().filter(r -> sameOptimizer).map(Double::floatValue),
        chosenOptimizer.defaultLearningRate());
    return new TrainingSettings(
        pick(epochs, spec.epochs(), DEFAULT_EPOCHS),
        pick(batchSize, spec.batchSize(), DEFAULT_BATCH_SIZE),
        chosenOptimizer, rate,
        pick(schedule, spec.schedule().map(w -> LearningRateSchedule.valueOf(w.toUpperCase(Locale.ROOT))),
            LearningRateSchedule.COSINE),
        pick(warmupEpochs, spec.warmupEpochs(), 0),
        pick(weightDecay, spec.weightDecay().map(Double::floatValue), 0f),
        seed, devices,
        pick(augmentation, spec.augmentation().map(Augmentation::parse), Augmentation.NONE),
        pick(labelSmoothing, spec.labelSmoothing().map(Double::floatValue), 0f),
        pick(gradientClip, spec.gradientClip().map(Double::floatValue), 0f),
        workers);
  }

  /** The side image files are decoded to: the command line's, the spec's, else empty (the network's input). */
  public Optional<Integer> imageSide(TrainingRecipe spec) {
    return Optional.ofNullable(imageSize).or(spec::imageSize);
  }

  /** The options the command line gave, as {@code --name}, to say where the recipe came from. */
  public List<String> given() {
    List<String> names = new ArrayList<>();
    Object[] values = {epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay,
        augmentation, labelSmoothing, gradientClip, imageSize};
    String[] options = {"--epochs", "--batch-size", "--optimizer", "--lr", "--schedule", "--warmup",
        "--weight-decay", "--augment", "--label-smoothing", "--clip", "--image-size"};
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        names.add(options[i]);
      }
    }
    return names;
  }

  private static <T> T pick(T given, Optional<T> fromSpec, T fallback) {
    return given != null ? given : fromSpec.orElse(fallback);
  }
}
