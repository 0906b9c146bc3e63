package io.netspec.runtime.train;

/** Training stopped because its loss became infinite or NaN, usually from too high a learning rate. */
public final class TrainingDivergedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(String message) {
    super(message);
  }
}
