package io.netspec.dsl.load;

import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.Rounding;
import java.util.List;
import java.util.Map;

/**
 * What rows share, from a spec's {@code defaults} over the built-in values of spec-format.md. Reading the
 * sections is here; a row's own key wins over these.
 *
 * @param convolution {@code defaults.convolution}: bias, batch_norm, activation of convolutions and inceptions
 * @param rounding {@code defaults.pool.rounding}
 * @param fivePatch {@code defaults.inception.5x5_patch}: 5 or 3
 * @param lrn {@code defaults.lrn}
 */
record Defaults(ConvolutionStyle convolution, Rounding rounding, int fivePatch, LrnSettings lrn) {

  static final Defaults BUILT_IN = new Defaults(ConvolutionStyle.PAPER, Rounding.FLOOR, 5, LrnSettings.DEFAULT);

  /** The sections of {@code defaults} and the keys each knows. */
  static final Map<String, List<String>> SECTIONS = Map.of(
      "convolution", StyleKeys.KEYS,
      "pool", List.of("rounding"),
      "inception", List.of("5x5_patch"),
      "lrn", LrnSettings.KEYS);

  static final Map<String, Rounding> ROUNDINGS = Map.of(
      Rounding.FLOOR.yamlName(), Rounding.FLOOR, Rounding.CEIL.yamlName(), Rounding.CEIL);

  static final Map<String, Integer> FIVE_PATCHES = Map.of("5x5", 5, "3x3", 3);

  /** Reads the sections (already merged along {@code extends}), checking every key. */
  static Defaults read(Map<String, Mapping> sections, Problems problems) {
    sections.forEach((name, keys) ->
        KnownKeys.check(keys, SECTIONS.get(name), "in 'defaults." + name + "'", problems));
    return new Defaults(
        StyleKeys.read(section(sections, "convolution"), BUILT_IN.convolution, problems),
        rounding(section(sections, "pool"), BUILT_IN.rounding, problems),
        fivePatch(section(sections, "inception"), BUILT_IN.fivePatch, problems),
        LrnSettings.read(section(sections, "lrn"), BUILT_IN.lrn, problems));
  }

  static Rounding rounding(Mapping fields, Rounding fallback, Problems problems) {
    return fields.get("rounding")
        .flatMap(f -> Scalars.choice(f, ROUNDINGS, "floor or ceil", problems))
        .orElse(fallback);
  }

  static int fivePatch(Mapping fields, int fallback, Problems problems) {
    return fields.get("5x5_patch")
        .flatMap(f -> Scalars.choice(f, FIVE_PATCHES, "5x5 or 3x3", problems))
        .orElse(fallback);
  }

  private static Mapping section(Map<String, Mapping> sections, String name) {
    return sections.getOrDefault(name, Mapping.EMPTY);
  }
}
