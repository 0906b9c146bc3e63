package io.netspec.dsl.load;

import io.netspec.dsl.spec.TrainingRecipe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Binds a spec's {@code training:} section (merged key by key along {@code extends}) into a
 * {@link TrainingRecipe}, reporting an unknown key or a value out of range at its place.
 */
final class TrainingReader {

  /** The largest image side a recipe may ask for: beyond it, decoded images would not fit in memory. */
  static final int MAX_IMAGE_SIZE = 4096;

  private TrainingReader() {}

  static TrainingRecipe read(Mapping section, Problems problems) {
    KnownKeys.check(section, TrainingRecipe.KEYS, "in 'training'", problems);
    return new TrainingRecipe(
        word(section, "optimizer", TrainingRecipe.OPTIMIZERS, problems),
        number(section, "learning_rate", NumberRange.above(0), problems),
        word(section, "schedule", TrainingRecipe.SCHEDULES, problems),
        section.get("warmup_epochs").flatMap(f -> Scalars.integer(f, 0, problems)),
        section.get("epochs").flatMap(f -> Scalars.integer(f, 1, problems)),
        section.get("batch_size").flatMap(f -> Scalars.integer(f, 1, problems)),
        section.get("image_size").flatMap(f -> Scalars.integer(f, 1, problems)).filter(side -> {
          if (side > MAX_IMAGE_SIZE) {
            problems.error(section.get("image_size").orElseThrow().location(),
                "expected an integer ≤ " + MAX_IMAGE_SIZE + ", found '" + side + "'");
            return false;
          }
          return true;
        }),
        word(section, "augmentation", TrainingRecipe.AUGMENTATIONS, problems),
        number(section, "weight_decay", new NumberRange(0, true, 1, false), problems),
        number(section, "label_smoothing", NumberRange.fraction(), problems),
        number(section, "gradient_clip", NumberRange.atLeast(0), problems));
  }

  private static Optional<String> word(Mapping section, String key, List<String> words, Problems problems) {
    Map<String, String> choices = words.stream().collect(Collectors.toMap(Function.identity(), Function.identity()));
    String expected = String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    return section.get(key).flatMap(f -> Scalars.choice(f, choices, expected, problems));
  }

  private static Optional<Double> number(Mapping section, String key, NumberRange range, Problems problems) {
    return section.get(key).flatMap(f -> {
      var value = Scalars.number(f, range, problems);
      return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    });
  }
}
