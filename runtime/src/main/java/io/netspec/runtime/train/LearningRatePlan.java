package io.netspec.runtime.train;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate of a whole run: a schedule from a base rate, with an optional linear warm-up from zero
 * over the first epochs (during the warm-up, the schedule's rate times the fraction of the warm-up done).
 *
 * @param schedule how the rate changes by epoch
 * @param base the rate at the start (after the warm-up)
 * @param epochs the epochs of the whole run
 * @param warmupEpochs the epochs of the warm-up, 0 for none
 */
public record LearningRatePlan(LearningRateSchedule schedule, float base, int epochs, int warmupEpochs) {

  /**
   * A DJL tracker following this plan from the start of epoch {@code startEpoch + 1} (0 for a new run, the
   * epochs done for a resumed one). DJL's optimizers call a tracker with their update count, which grows by
   * one per parameter update on every device and starts again from 1 in a new process, so an epoch is
   * {@code stepsPerEpoch * devices} updates and a resumed run adds the epochs already done. Update {@code n}
   * gets the schedule's rate at {@code (n - 1) / updatesPerEpoch} epochs, and during a warm-up the fraction
   * {@code n / updatesPerEpoch / warmupEpochs} of it, so that the first step already moves.
   */
  public Tracker tracker(int stepsPerEpoch, int devices, int startEpoch) {
    double updatesPerEpoch = Math.max(1, (double) stepsPerEpoch * devices);
    return numUpdate -> {
      int n = Math.max(1, numUpdate);
      float scheduled = schedule.rate(base, startEpoch + (n - 1) / updatesPerEpoch, epochs);
      return warmupEpochs == 0
          ? scheduled
          : (float) (scheduled * Math.min(1, (startEpoch + n / updatesPerEpoch) / warmupEpochs));
    };
  }
}
