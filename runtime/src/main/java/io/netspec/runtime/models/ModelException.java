package io.netspec.runtime.models;

/** A network that cannot be found or built; the message is one line for the console. */
public final class ModelException extends Exception {

  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
