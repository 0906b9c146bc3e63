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
  void trackerCountsOptimizerUpdatesNotEpochs() {
    // 100 steps per epoch: DJL's first update is number 1; update 801 is the first of epoch 9
    Tracker tracker = LearningRateSchedule.STEP.tracker(1f, 20, 100, 1);
    assertEquals(1f, tracker.getNewValue(1), 1e-7);
    assertEquals(1f, tracker.getNewValue(800), 1e-7);
    assertEquals(0.96f, tracker.getNewValue(801), 1e-7);
  }

  @Test
  void trackerCountsOneUpdatePerDevice() {
    // on two devices DJL updates each parameter twice per step
    Tracker tracker = LearningRateSchedule.STEP.tracker(1f, 20, 100, 2);
    assertEquals(1f, tracker.getNewValue(1600), 1e-7);
    assertEquals(0.96f, tracker.getNewValue(1601), 1e-7);
  }
}
