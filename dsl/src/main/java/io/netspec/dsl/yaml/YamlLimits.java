package io.netspec.dsl.yaml;

/**
 * The limits a spec file must stay within. A spec is a small hand-written file; these bounds make a hostile
 * one (a "billion laughs" alias bomb, deep nesting, a huge file) fail fast instead of exhausting memory.
 */
public final class YamlLimits {

  /** The largest spec file read, in bytes (also the code point limit handed to SnakeYAML). */
  public static final int MAX_FILE_BYTES = 1024 * 1024;

  /** The most aliases ({@code *name}) one file may use; the shipped specs use one. */
  public static final int MAX_ALIASES = 16;

  /** The deepest nesting of lists and mappings; the shipped specs nest six deep. */
  public static final int MAX_DEPTH = 16;

  /**
   * The most rows one spec file may have, its layers and its auxiliary classifiers' together: the generated
   * network class builds every row in one method, and the JVM's limit of 64 KB of bytecode per method is reached
   * at about 1,500 rows; a row limit well below it makes every spec that passes the checks compile. GoogLeNet
   * has 26.
   */
  public static final int MAX_ROWS = 500;

  private YamlLimits() {}
}
