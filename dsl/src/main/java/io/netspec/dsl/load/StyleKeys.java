package io.netspec.dsl.load;

import io.netspec.dsl.spec.Activation;
import io.netspec.dsl.spec.BatchNorm;
import io.netspec.dsl.spec.ConvolutionStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Reads {@code bias}, {@code batch_norm} and {@code activation}, the keys every convolution shares, from
 * {@code defaults.convolution} or from a convolution or inception row.
 */
final class StyleKeys {

  static final List<String> KEYS = List.of("bias", "batch_norm", "activation");

  private static final List<String> BATCH_NORM_KEYS = List.of("epsilon");
  private static final Optional<BatchNorm> STANDARD = Optional.of(new BatchNorm(BatchNorm.DEFAULT_EPSILON));
  private static final Map<String, Optional<BatchNorm>> BATCH_NORM_WORDS = Map.of(
      "off", Optional.empty(), "false", Optional.empty(), "on", STANDARD, "true", STANDARD);
  private static final Map<String, Activation> ACTIVATIONS = Map.of(
      Activation.RELU.yamlName(), Activation.RELU, Activation.NONE.yamlName(), Activation.NONE);

  private StyleKeys() {}

  /** The keys of {@code fields} over {@code fallback}. */
  static ConvolutionStyle read(Mapping fields, ConvolutionStyle fallback, Problems problems) {
    boolean bias = fields.get("bias").flatMap(f -> Scalars.bool(f, problems)).orElse(fallback.bias());
    Optional<BatchNorm> batchNorm = fields.get("batch_norm")
        .map(f -> batchNorm(f, problems).orElse(fallback.batchNorm()))
        .orElse(fallback.batchNorm());
    Activation activation = fields.get("activation")
        .flatMap(f -> activation(f, problems))
        .orElse(fallback.activation());
    return new ConvolutionStyle(bias, batchNorm, activation);
  }

  static Optional<Activation> activation(Field field, Problems problems) {
    return Scalars.choice(field, ACTIVATIONS, "relu or none", problems);
  }

  /** {@code off}/{@code false}, {@code on}/{@code true} or {@code {epsilon: x}}; empty when wrong. */
  private static Optional<Optional<BatchNorm>> batchNorm(Field field, Problems problems) {
    Optional<MappingNode> node = field.mapping();
    if (node.isEmpty()) {
      return Scalars.choice(field, BATCH_NORM_WORDS, "on, off or {epsilon: x}", problems);
    }
    Mapping settings = Mapping.read(field.file(), node.get(), problems);
    KnownKeys.check(settings, BATCH_NORM_KEYS, "in 'batch_norm'", problems);
    double epsilon = settings.get("epsilon")
        .map(f -> Scalars.number(f, NumberRange.above(0), problems).orElse(BatchNorm.DEFAULT_EPSILON))
        .orElse(BatchNorm.DEFAULT_EPSILON);
    return Optional.of(Optional.of(new BatchNorm(epsilon)));
  }
}
