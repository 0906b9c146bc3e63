package io.netspec.runtime.data;

import java.util.Locale;

/** Which images {@code eval --split} scores. */
public enum HeldOut {
  /** The images held out for validation: {@code val/}, or the held-out share of a flat folder or IDX set. */
  VAL,
  /** The images of {@code test/} (an IDX set's {@code t10k} files, the same as {@link #VAL}). */
  TEST,
  /** Every image: training, validation and test. */
  ALL;

  /** The name {@code --split} takes. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
