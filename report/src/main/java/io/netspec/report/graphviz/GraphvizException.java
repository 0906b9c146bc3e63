package io.netspec.report.graphviz;

import java.io.IOException;

/** Graphviz could not lay out a diagram: {@code dot} is missing, failed, or took too long. */
public final class GraphvizException extends IOException {

  private static final long serialVersionUID = 1L;

  public GraphvizException(String message) {
    super(message);
  }

  public GraphvizException(String message, Throwable cause) {
    super(message, cause);
  }
}
