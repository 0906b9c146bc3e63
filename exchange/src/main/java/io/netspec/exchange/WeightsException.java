package io.netspec.exchange;

/**
 * A weights file that does not fit the network, or cannot be read or written: the message is one line, naming
 * the file and, for a mismatch, the first tensor that differs with both shapes.
 */
public final class WeightsException extends Exception {

  private static final long serialVersionUID = 1L;

  public WeightsException(String message) {
    super(message);
  }

  public WeightsException(String message, Throwable cause) {
    super(message, cause);
  }
}
