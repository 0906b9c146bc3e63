package io.netspec.dsl.spec;

import io.netspec.dsl.diagnostics.SourceLocation;
import java.util.List;

/**
 * An auxiliary classifier attached to the output of the named main-path row ({@code after}); used in training
 * only, its loss added to the total with {@code lossWeight} (0.3 in the paper).
 */
public record AuxClassifier(
    String name, SourceLocation location, String after, double lossWeight, List<Layer> layers) {

  public AuxClassifier {
    layers = List.copyOf(layers);
  }
}
