package io.netspec.runtime.cli;

import picocli.CommandLine;

/** The {@code netspec} command-line entry point. */
public final class Main {

  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
  /** DJL warns that it cannot count GPUs on every machine without a CUDA driver; {@code --device} reports it. */
  private static final String CUDA_LOG_LEVEL = "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs one command and returns its exit code: 0 on success, 1 on a failure (reported in one line), 2 on a
   * usage error.
   */
  public static int run(String... args) {
    setIfAbsent(LOG_LEVEL, "warn"); // DJL's info messages would drown netspec's own output
    setIfAbsent(CUDA_LOG_LEVEL, "error");
    return commandLine().execute(args);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** The configured command line, for tests and for {@link #run}. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new NetspecCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setAbbreviatedOptionsAllowed(false)
        .setParameterExceptionHandler(new ShortUsageErrors())
        .setExecutionExceptionHandler(new OneLineErrors());
    LowerCaseEnums.apply(commandLine);
    return commandLine;
  }
}
