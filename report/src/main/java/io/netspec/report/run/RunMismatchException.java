package io.netspec.report.run;

import java.io.IOException;

/** A run folder was trained on another network than the spec a report is asked to show it with. */
public final class RunMismatchException extends IOException {

  private static final long serialVersionUID = 1L;

  public RunMismatchException(String message) {
    super(message);
  }
}
