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

  private YamlLimits() {}
}
