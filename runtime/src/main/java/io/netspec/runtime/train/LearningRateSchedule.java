package io.netspec.runtime.train;

import java.util.Locale;

/**
 * How the learning rate changes over training, as a function of the epoch reached (fractional within an
 * epoch).
 */
public enum LearningRateSchedule {
  /** The base rate throughout. */
  CONSTANT {
    @Override
    public float rate(float base, double epoch, int epochs) {
      return base;
    }
  },
  /** The GoogLeNet paper's schedule: the rate falls by 4% every 8 epochs. */
  STEP {
    @Override
    public float rate(float base, double epoch, int epochs) {
      return (float) (base * Math.pow(PAPER_FACTOR, Math.floor(epoch / PAPER_EPOCHS)));
    }
  },
  /** Half a cosine from the base rate at the first step down to zero at the end of the last epoch. */
  COSINE {
    @Override
    public float rate(float base, double epoch, int epochs) {
      double progress = Math.min(1, epoch / epochs);
      return (float) (base * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
  },
  /**
   * One cycle (Smith's "super-convergence" schedule, with PyTorch's {@code OneCycleLR} defaults for its shape):
   * a linear rise from {@code base / 25} to the peak {@code base} over the first 30% of the run, then half a
   * cosine from the peak down to zero at the end of the last epoch.
   */
  ONECYCLE {
    @Override
    public float rate(float base, double epoch, int epochs) {
      double progress = Math.min(1, epoch / epochs);
      if (progress < ONE_CYCLE_RISE) {
        double start = 1.0 / ONE_CYCLE_START_DIVISOR;
        return (float) (base * (start + (1 - start) * progress / ONE_CYCLE_RISE));
      }
      double fall = (progress - ONE_CYCLE_RISE) / (1 - ONE_CYCLE_RISE);
      return (float) (base * 0.5 * (1 + Math.cos(Math.PI * fall)));
    }
  };

  /** The share of a one-cycle run spent rising to the peak, and the peak's ratio to the starting rate. */
  static final double ONE_CYCLE_RISE = 0.3;
  static final double ONE_CYCLE_START_DIVISOR = 25;

  /** The paper's factor and its period in epochs. */
  static final double PAPER_FACTOR = 0.96;
  static final int PAPER_EPOCHS = 8;

  /**
   * The learning rate at {@code epoch} (0 at the start of training; 1.5 halfway through the second epoch).
   *
   * @param base the rate at the start
   * @param epochs the number of epochs of the whole run
   */
  public abstract float rate(float base, double epoch, int epochs);

  /** The name the CLI takes, in lower case. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
