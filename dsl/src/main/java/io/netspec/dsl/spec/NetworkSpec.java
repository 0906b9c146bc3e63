package io.netspec.dsl.spec;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * A checked spec with its parent's rows, defaults and overrides applied: what the analysis and the generator
 * read.
 *
 * @param file the spec's path as given to the loader, for messages
 * @param className the Java class the generator names the network: the file name in PascalCase
 * @param input the input shape
 * @param classes the default number of classes
 * @param layers the main path, in the table's order
 * @param auxClassifiers the auxiliary classifiers, in the order they attach along the main path (spec order
 *     for two on one row): the order of their outputs in training and of their loss weights
 * @param printed the paper's printed figures by row name, where the spec file itself gives them (a row of an
 *     auxiliary classifier is named {@code aux1.fc1})
 * @param sha256 hex SHA-256 of the spec's bytes and those of every spec it extends, child first
 * @param description the spec's one-line {@code description} (inherited if the spec gives none), or empty
 * @param training the spec's {@code training:} recipe, inherited key by key; {@link TrainingRecipe#NONE} if none
 */
public record NetworkSpec(
    String file,
    String className,
    InputShape input,
    int classes,
    List<Layer> layers,
    List<AuxClassifier> auxClassifiers,
    Map<String, PrintedFigures> printed,
    String sha256,
    String description,
    TrainingRecipe training) {

  public NetworkSpec {
    layers = List.copyOf(layers);
    auxClassifiers = inAttachmentOrder(layers, auxClassifiers);
    printed = Collections.unmodifiableMap(new LinkedHashMap<>(printed)); // keeps the spec's order
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(training, "training");
  }

  /** A spec without a training recipe. */
  public NetworkSpec(String file, String className, InputShape input, int classes, List<Layer> layers,
      List<AuxClassifier> auxClassifiers, Map<String, PrintedFigures> printed, String sha256, String description) {
    this(file, className, input, classes, layers, auxClassifiers, printed, sha256, description,
        TrainingRecipe.NONE);
  }

  /** A spec without a description. */
  public NetworkSpec(String file, String className, InputShape input, int classes, List<Layer> layers,
      List<AuxClassifier> auxClassifiers, Map<String, PrintedFigures> printed, String sha256) {
    this(file, className, input, classes, layers, auxClassifiers, printed, sha256, "", TrainingRecipe.NONE);
  }

  private static List<AuxClassifier> inAttachmentOrder(List<Layer> layers, List<AuxClassifier> aux) {
    List<String> rowNames = layers.stream().map(Layer::name).toList();
    ToIntFunction<AuxClassifier> position = classifier -> {
      int index = rowNames.indexOf(classifier.after());
      return index < 0 ? Integer.MAX_VALUE : index;
    };
    return aux.stream().sorted(Comparator.comparingInt(position)).toList();
  }

  public Optional<Layer> layer(String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /**
   * The head's dropout row, the main path's last, whose rate the network builders' {@code optDropoutRate}
   * changes (generated and interpreted alike); an auxiliary classifier's dropout rows keep their rates.
   */
  public Optional<Dropout> headDropout() {
    Dropout last = null;
    for (Layer layer : layers) {
      if (layer instanceof Dropout dropout) {
        last = dropout;
      }
    }
    return Optional.ofNullable(last);
  }
}
