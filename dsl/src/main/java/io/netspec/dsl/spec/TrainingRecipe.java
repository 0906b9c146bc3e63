package io.netspec.dsl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code training:} section of a spec: how its network trains unless the command line says otherwise. Every
 * value is optional; a variant inherits its parent's key by key. Words are kept as written ({@code sgd},
 * {@code cosine}, {@code crop+flip}), checked against {@link #OPTIMIZERS}, {@link #SCHEDULES} and
 * {@link #AUGMENTATIONS}.
 *
 * @param optimizer {@code sgd} or {@code adam}
 * @param learningRate the base learning rate, &gt; 0
 * @param schedule {@code constant}, {@code step}, {@code cosine} or {@code onecycle}
 * @param warmupEpochs epochs of linear warm-up, ≥ 0
 * @param epochs epochs in all, ≥ 1
 * @param batchSize images per step, ≥ 1
 * @param imageSize the side image files are decoded to, ≥ 1
 * @param augmentation {@code none}, {@code flip}, {@code crop} or {@code crop+flip}
 * @param weightDecay L2 weight decay, ≥ 0
 * @param labelSmoothing the share of the target spread over all classes, 0 ≤ x &lt; 1
 * @param gradientClip the largest absolute value a gradient element is clipped to, ≥ 0 (0: no clipping)
 */
public record TrainingRecipe(
    Optional<String> optimizer,
    Optional<Double> learningRate,
    Optional<String> schedule,
    Optional<Integer> warmupEpochs,
    Optional<Integer> epochs,
    Optional<Integer> batchSize,
    Optional<Integer> imageSize,
    Optional<String> augmentation,
    Optional<Double> weightDecay,
    Optional<Double> labelSmoothing,
    Optional<Double> gradientClip) {

  /** The keys of the section, in the order {@link #entries()} lists them. */
  public static final List<String> KEYS = List.of("optimizer", "learning_rate", "schedule", "warmup_epochs",
      "epochs", "batch_size", "image_size", "augmentation", "weight_decay", "label_smoothing", "gradient_clip");

  public static final List<String> OPTIMIZERS = List.of("sgd", "adam");
  public static final List<String> SCHEDULES = List.of("constant", "step", "cosine", "onecycle");
  public static final List<String> AUGMENTATIONS = List.of("none", "flip", "crop", "crop+flip");

  /** A spec without a {@code training:} section. */
  public static final TrainingRecipe NONE = new TrainingRecipe(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty());

  /** Whether the spec gives no training key at all. */
  public boolean isEmpty() {
    return entries().isEmpty();
  }

  /** The values the spec gives by key, in {@link #KEYS} order: strings, integers and doubles. */
  public Map<String, Object> values() {
    List<Optional<?>> values = List.of(optimizer, learningRate, schedule, warmupEpochs, epochs, batchSize,
        imageSize, augmentation, weightDecay, labelSmoothing, gradientClip);
    Map<String, Object> given = new LinkedHashMap<>();
    for (int i = 0; i < KEYS.size(); i++) {
      int key = i;
      values.get(i).ifPresent(value -> given.put(KEYS.get(key), value));
    }
    return given;
  }

  /** The keys the spec gives, as {@code key: value} in {@link #KEYS} order, for the summary. */
  public List<String> entries() {
    List<String> entries = new ArrayList<>();
    values().forEach((key, value) -> entries.add(key + ": " + plain(value)));
    return entries;
  }

  private static String plain(Object value) {
    return value instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue())
        : value.toString();
  }
}
