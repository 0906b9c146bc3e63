package io.netspec.runtime.data;

import java.util.List;
import java.util.Locale;

/**
 * The rule for images that could not be used: each is skipped, named and counted, and a split with more than
 * {@value #MAX_SKIPPED_PERCENT}% of its images skipped stops the run, since its data is then not what the user
 * thinks it is.
 */
public final class SkippedImages {

  /** The largest share of a split's images that may be skipped, in percent. */
  public static final int MAX_SKIPPED_PERCENT = 10;

  private SkippedImages() {}

  /**
   * Checks the share skipped.
   *
   * @param source the data, as the user named it
   * @param total the images of the split, skipped ones included
   * @param skipped the skip messages of the split ({@code file: reason})
   * @throws DataException if more than {@value #MAX_SKIPPED_PERCENT}% were skipped
   */
  public static void checkShare(String source, int total, List<String> skipped) throws DataException {
    if (skipped.isEmpty() || 100L * skipped.size() <= (long) MAX_SKIPPED_PERCENT * total) {
      return;
    }
    throw new DataException(source, String.format(Locale.ROOT,
        "%d of %d image files (%.0f%%) could not be used, over the limit of %d%%; the first: %s",
        skipped.size(), total, 100.0 * skipped.size() / total, MAX_SKIPPED_PERCENT, skipped.get(0)));
  }
}
