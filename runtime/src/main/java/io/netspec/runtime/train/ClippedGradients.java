package io.netspec.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;

/**
 * An optimizer whose gradient elements are clipped to {@code [-clip, clip]} before another optimizer's update.
 * DJL 0.36's own {@code optClipGrad} promises that range but its PyTorch engine clamps from above only
 * ({@code clamp_max_}): with lr 1 and clip 0.1, its SGD moved a weight by +5.0 for a gradient of -5 and by -0.1
 * for +5. The optimizer wrapped here is built without DJL's clipping, and keeps its own state and update counts.
 */
final class ClippedGradients extends Optimizer {

  private final Optimizer update;
  private final float clip;

  /**
   * @param update the optimizer that updates the weights with the clipped gradient, itself not clipping
   * @param clip the largest absolute value of a gradient element, above 0
   */
  ClippedGradients(Optimizer update, float clip) {
    super(new NoSettings());
    if (!(clip > 0)) {
      throw new IllegalArgumentException("clip must be above 0, was " + clip);
    }
    this.update = update;
    this.clip = clip;
  }

  /** The largest absolute value of a gradient element. */
  float clip() {
    return clip;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    try (NDArray clipped = grad.clip(-clip, clip)) {
      update.update(parameterId, weight, clipped);
    }
  }

  /** The base optimizer's settings are the wrapped optimizer's; this one has none of its own. */
  private static final class NoSettings extends OptimizerBuilder<NoSettings> {
    @Override
    protected NoSettings self() {
      return this;
    }
  }
}
