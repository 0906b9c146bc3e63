package io.netspec.runtime.data;

/**
 * A data file that cannot be used: missing, not in the IDX format, truncated, or inconsistent with its
 * companion file. The message is one line and names the file.
 */
public final class DataException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param file the file at fault, as the user would recognise it
   * @param problem what is wrong with it, without the file name
   */
  public DataException(String file, String problem) {
    super(file + ": " + problem);
  }

  /** The same, keeping the I/O error that revealed the problem. */
  public DataException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
