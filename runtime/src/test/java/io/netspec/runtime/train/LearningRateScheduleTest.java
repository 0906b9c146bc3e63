package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  @Test
  void constantKeepsTheBaseRate() {
    assertEquals(0.1f, LearningRateSchedule.CONSTANT.rate(0.1f, 57.3, 60));
  }

  @Test
  void stepFallsByFourPercentEveryEightEpochs() {
    LearningRateSchedule step = LearningRateSchedule.STEP;
    assertEquals(1f, step.rate(1f, 0, 100), 1e-7);
    assertEquals(1f, step.rate(1f, 7.99, 100), 1e-7);
    assertEquals(0.96f, step.rate(1f, 8, 100), 1e-7);
    assertEquals(0.96f * 0.96f, step.rate(1f, 16.5, 100), 1e-6);
  }

  @Test
  void cosineGoesFromBaseToZero() {
    LearningRateSchedule cosine = LearningRateSchedule.COSINE;
    assertEquals(2f, cosine.rate(2f, 0, 10), 1e-6);
    assertEquals(1f, cosine.rate(2f, 5, 10), 1e-6);
    assertEquals(0f, cosine.rate(2f, 10, 10), 1e-6);
  }

  @Test
  void oneCycleRisesLinearlyFromATwentyFifthToThePeakThenFallsAsACosine() {
    LearningRateSchedule oneCycle = LearningRateSchedule.ONECYCLE;
    // 10 epochs, peak 1: the rise takes epochs 0 to 3, from 0.04 (1/25)
    assertEquals(0.04f, oneCycle.rate(1f, 0, 10), 1e-6);
    assertEquals(0.04f + 0.96f * 0.5f, oneCycle.rate(1f, 1.5, 10), 1e-6); // halfway up
    assertEquals(1f, oneCycle.rate(1f, 3, 10), 1e-6); // the peak
    // the fall takes epochs 3 to 10: halfway (6.5) is half the peak, a quarter of the way (4.75) is
    // (1 + cos(pi / 4)) / 2
    assertEquals(0.5f, oneCycle.rate(1f, 6.5, 10), 1e-6);
    assertEquals((float) ((1 + Math.sqrt(0.5)) / 2), oneCycle.rate(1f, 4.75, 10), 1e-6);
    assertEquals(0f, oneCycle.rate(1f, 10, 10), 1e-6);
    assertEquals(0.2f, oneCycle.rate(0.2f, 3, 10), 1e-7, "scales with the base rate");
  }

  @Test
  void trackerCountsOptimizerUpdatesNotEpochs() {
    // 100 steps per epoch: DJL's first update is number 1; update 801 is the first of epoch 9
    Tracker tracker = new LearningRatePlan(LearningRateSchedule.STEP, 1f, 20, 0).tracker(100, 1, 0);
    assertEquals(1f, tracker.getNewValue(1), 1e-7);
    assertEquals(1f, tracker.getNewValue(800), 1e-7);
    assertEquals(0.96f, tracker.getNewValue(801), 1e-7);
  }

  @Test
  void trackerCountsOneUpdatePerDevice() {
    // on two devices DJL updates each parameter twice per step
    Tracker tracker = new LearningRatePlan(LearningRateSchedule.STEP, 1f, 20, 0).tracker(100, 2, 0);
    assertEquals(1f, tracker.getNewValue(1600), 1e-7);
    assertEquals(0.96f, tracker.getNewValue(1601), 1e-7);
  }

  @Test
  void warmUpRisesLinearlyThenFollowsTheSchedule() {
    // 2 warm-up epochs of 10 steps: step 5 is a quarter of the way, step 20 the end
    Tracker tracker = new LearningRatePlan(LearningRateSchedule.CONSTANT, 1f, 10, 2).tracker(10, 1, 0);
    assertEquals(0.05f, tracker.getNewValue(1), 1e-6);
    assertEquals(0.25f, tracker.getNewValue(5), 1e-6);
    assertEquals(1f, tracker.getNewValue(20), 1e-6);
    assertEquals(1f, tracker.getNewValue(35), 1e-6);
  }

  @Test
  void aResumedTrackerContinuesWhereTheRunStopped() {
    LearningRatePlan plan = new LearningRatePlan(LearningRateSchedule.COSINE, 1f, 4, 0);
    Tracker whole = plan.tracker(10, 1, 0);
    Tracker resumed = plan.tracker(10, 1, 2);
    for (int update = 1; update <= 20; update++) {
      assertEquals(whole.getNewValue(20 + update), resumed.getNewValue(update), 1e-7);
    }
  }
}
