package io.netspec.runtime.train;

/**
 * How to train, as the {@code train} command's options give it.
 *
 * @param epochs passes over the training images
 * @param batchSize images per optimizer step (over all devices together)
 * @param optimizer the optimizer
 * @param learningRate the base learning rate
 * @param schedule how the learning rate changes by epoch
 * @param weightDecay L2 weight decay
 * @param seed seeds DJL's and PyTorch's random generators: initial weights, shuffling, dropout
 * @param devices where to train
 */
public record TrainingSettings(int epochs, int batchSize, OptimizerChoice optimizer, float learningRate,
    LearningRateSchedule schedule, float weightDecay, int seed, DeviceChoice devices) {

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
    if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay must be zero or positive, not " + weightDecay);
    }
  }
}
