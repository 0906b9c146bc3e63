package io.netspec.runtime.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;

/**
 * The optimizers netspec offers, each with the base learning rate it uses unless told otherwise. On
 * googlenet-fashion and the embedded sample (batch 64, cosine schedule) SGD with momentum reached a higher
 * held-out accuracy than Adam at the same number of epochs (5 epochs: 88.2% against 86.7%; 3 epochs: 85.5%
 * against 83.6%), so SGD is the default.
 */
public enum OptimizerChoice {
  /** Stochastic gradient descent with momentum 0.9, as in the GoogLeNet paper. */
  SGD(0.1f) {
    @Override
    public Optimizer create(Tracker learningRate, float weightDecay, float clip) {
      return clipped(Optimizer.sgd().setLearningRateTracker(learningRate).optMomentum(PAPER_MOMENTUM)
          .optWeightDecays(weightDecay).build(), clip);
    }
  },
  /** Adam with PyTorch's default betas and epsilon. */
  ADAM(0.002f) {
    @Override
    public Optimizer create(Tracker learningRate, float weightDecay, float clip) {
      return clipped(Optimizer.adam().optLearningRateTracker(learningRate).optWeightDecays(weightDecay).build(),
          clip);
    }
  };

  static final float PAPER_MOMENTUM = 0.9f;

  private final float defaultLearningRate;

  OptimizerChoice(float defaultLearningRate) {
    this.defaultLearningRate = defaultLearningRate;
  }

  /** The base learning rate used when none is given. */
  public float defaultLearningRate() {
    return defaultLearningRate;
  }

  /** A new optimizer with this learning-rate tracker and L2 weight decay, without gradient clipping. */
  public Optimizer create(Tracker learningRate, float weightDecay) {
    return create(learningRate, weightDecay, 0);
  }

  /**
   * A new optimizer with this learning-rate tracker and L2 weight decay.
   *
   * @param clip the largest absolute value of a gradient element, 0 for no clipping: each element is clipped to
   *     {@code [-clip, clip]} ({@link ClippedGradients}; DJL's own {@code clipGrad} clamps from above only)
   */
  public abstract Optimizer create(Tracker learningRate, float weightDecay, float clip);

  private static Optimizer clipped(Optimizer optimizer, float clip) {
    return clip > 0 ? new ClippedGradients(optimizer, clip) : optimizer;
  }

  /** The name the CLI takes, in lower case. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
