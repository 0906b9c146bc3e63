package io.netspec.dsl.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds the known word nearest to a misspelt one, for "did you mean" hints. */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate nearest to {@code word} by edit distance, if one is near enough to be a likely typo: at
   * most 2 edits, or a third of the word's length for long words.
   */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, word.length() / 3));
    return candidates.stream()
        .filter(candidate -> distance.apply(word, candidate) >= 0)
        .min(Comparator.<String>comparingInt(candidate -> distance.apply(word, candidate))
            .thenComparing(Comparator.naturalOrder()));
  }

  /** {@code "; did you mean 'x'?"} when a candidate is near, otherwise {@code otherwise}. */
  static String hint(String word, Collection<String> candidates, String otherwise) {
    return nearest(word, candidates).map(near -> "; did you mean '" + near + "'?").orElse(otherwise);
  }
}
