package io.netspec.export.onnx;

/** A network that cannot be exported as its spec describes it: a parameter missing or of another shape. */
public final class ExportException extends Exception {

  private static final long serialVersionUID = 1L;

  public ExportException(String message) {
    super(message);
  }
}
