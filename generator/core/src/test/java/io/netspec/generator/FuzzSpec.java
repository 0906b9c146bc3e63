package io.netspec.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A spec drawn by the fuzz test, kept as the rows it writes so that it can be written as YAML and shrunk.
 *
 * @param height the input height
 * @param width the input width
 * @param channels the input channels
 * @param classes the number of classes
 * @param defaults the {@code defaults} sections by name, each a mapping
 * @param layers the main path's rows
 * @param auxClassifiers the auxiliary classifiers
 */
record FuzzSpec(int height, int width, int channels, int classes, List<Section> defaults, List<FlowMap> layers,
    List<Aux> auxClassifiers) {

  /** A section of {@code defaults}, such as {@code convolution: {bias: false}}. */
  record Section(String name, FlowMap keys) {}

  /** An auxiliary classifier: its name, the row it reads, its loss weight and rows. */
  record Aux(String name, String after, String lossWeight, List<FlowMap> layers) {
    Aux {
      layers = List.copyOf(layers);
    }

    Aux withLayers(List<FlowMap> changed) {
      return new Aux(name, after, lossWeight, changed);
    }
  }

  FuzzSpec {
    defaults = List.copyOf(defaults);
    layers = List.copyOf(layers);
    auxClassifiers = List.copyOf(auxClassifiers);
  }

  /** The spec file's text. */
  String yaml() {
    StringBuilder yaml = new StringBuilder()
        .append("description: a spec drawn by the fuzz test\n")
        .append("input: ").append(height).append('x').append(width).append('x').append(channels).append('\n')
        .append("classes: ").append(classes).append('\n');
    if (!defaults.isEmpty()) {
      yaml.append("defaults:\n");
      defaults.forEach(section -> yaml.append("  ").append(section.name()).append(": ")
          .append(section.keys().yaml()).append('\n'));
    }
    yaml.append("layers:\n");
    layers.forEach(row -> yaml.append("  - ").append(row.yaml()).append('\n'));
    if (auxClassifiers.isEmpty()) {
      return yaml.append("auxiliary_classifiers: []\n").toString();
    }
    yaml.append("auxiliary_classifiers:\n");
    for (Aux aux : auxClassifiers) {
      yaml.append("  - name: ").append(aux.name()).append('\n')
          .append("    after: ").append(aux.after()).append('\n')
          .append("    loss_weight: ").append(aux.lossWeight()).append('\n')
          .append("    layers:\n");
      aux.layers().forEach(row -> yaml.append("      - ").append(row.yaml()).append('\n'));
    }
    return yaml.toString();
  }

  /**
   * Simpler specs, the biggest simplifications first: fewer classifiers, rows, defaults and keys, smaller
   * numbers, a smaller input. Some may be invalid; the shrinker keeps only those that fail as this one does.
   */
  List<FuzzSpec> smaller() {
    List<FuzzSpec> smaller = new ArrayList<>();
    for (int i = 0; i < auxClassifiers.size(); i++) {
      smaller.add(withAux(without(auxClassifiers, i)));
    }
    for (int i = 0; i < layers.size() && layers.size() > 1; i++) {
      smaller.add(withLayers(without(layers, i)));
    }
    for (int a = 0; a < auxClassifiers.size(); a++) {
      Aux aux = auxClassifiers.get(a);
      for (int i = 0; i < aux.layers().size() && aux.layers().size() > 1; i++) {
        smaller.add(withAux(replaced(auxClassifiers, a, aux.withLayers(without(aux.layers(), i)))));
      }
    }
    for (int i = 0; i < defaults.size(); i++) {
      smaller.add(new FuzzSpec(height, width, channels, classes, without(defaults, i), layers, auxClassifiers));
    }
    if (channels > 1) {
      smaller.add(new FuzzSpec(height, width, 1, classes, defaults, layers, auxClassifiers));
    }
    if (classes > 1) {
      smaller.add(new FuzzSpec(height, width, channels, classes / 2, defaults, layers, auxClassifiers));
    }
    if (height > 1 || width > 1) {
      smaller.add(new FuzzSpec(Math.max(1, height / 2), Math.max(1, width / 2), channels, classes, defaults,
          layers, auxClassifiers));
      smaller.add(new FuzzSpec(height - 1, width, channels, classes, defaults, layers, auxClassifiers));
      smaller.add(new FuzzSpec(height, width - 1, channels, classes, defaults, layers, auxClassifiers));
    }
    for (int i = 0; i < defaults.size(); i++) {
      Section section = defaults.get(i);
      for (FlowMap keys : section.keys().smaller()) {
        smaller.add(new FuzzSpec(height, width, channels, classes,
            replaced(defaults, i, new Section(section.name(), keys)), layers, auxClassifiers));
      }
    }
    addRowVariants(smaller, layers, this::withLayers);
    for (int a = 0; a < auxClassifiers.size(); a++) {
      Aux aux = auxClassifiers.get(a);
      int index = a;
      addRowVariants(smaller, aux.layers(),
          rows -> withAux(replaced(auxClassifiers, index, aux.withLayers(rows))));
    }
    return smaller;
  }

  private static void addRowVariants(List<FuzzSpec> smaller, List<FlowMap> rows,
      Function<List<FlowMap>, FuzzSpec> spec) {
    for (int i = 0; i < rows.size(); i++) {
      for (FlowMap row : rows.get(i).smaller()) {
        smaller.add(spec.apply(replaced(rows, i, row)));
      }
    }
  }

  private FuzzSpec withLayers(List<FlowMap> changed) {
    return new FuzzSpec(height, width, channels, classes, defaults, changed, auxClassifiers);
  }

  private FuzzSpec withAux(List<Aux> changed) {
    return new FuzzSpec(height, width, channels, classes, defaults, layers, changed);
  }

  private static <T> List<T> without(List<T> list, int index) {
    List<T> rest = new ArrayList<>(list);
    rest.remove(index);
    return rest;
  }

  private static <T> List<T> replaced(List<T> list, int index, T value) {
    List<T> changed = new ArrayList<>(list);
    changed.set(index, value);
    return changed;
  }
}
