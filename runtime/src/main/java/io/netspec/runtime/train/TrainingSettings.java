package io.netspec.runtime.train;

import io.netspec.runtime.data.Augmentation;

/**
 * How to train, as the {@code train} command's options give it.
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
 */
public record TrainingSettings(int epochs, int batchSize, OptimizerChoice optimizer, float learningRate,
    LearningRateSchedule schedule, int warmupEpochs, float weightDecay, int seed, DeviceChoice devices,
    Augmentation augmentation) {

  public TrainingSettings {
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
  }

  /** The learning rate over the whole run. */
  public LearningRatePlan learningRatePlan() {
    return new LearningRatePlan(schedule, learningRate, epochs, warmupEpochs);
  }

  /** The same settings for a run of {@code total} epochs in all. */
  public TrainingSettings withEpochs(int total) {
    return new TrainingSettings(total, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay,
        seed, devices, augmentation);
  }

  /** The same settings on other devices. */
  public TrainingSettings withDevices(DeviceChoice other) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, schedule, warmupEpochs, weightDecay,
        seed, other, augmentation);
  }
}
