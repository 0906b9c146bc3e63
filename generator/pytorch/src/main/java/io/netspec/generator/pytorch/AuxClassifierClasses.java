package io.netspec.generator.pytorch;

import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.spec.AuxClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classes of a spec's auxiliary classifiers: one per distinct layout (the paper's two classifiers share
 * one), taking the channels they read and the number of classes. Named {@code AuxClassifier} when there is one
 * layout, else after the first classifier with it ({@code Aux1Classifier}).
 */
final class AuxClassifierClasses {

  /** A generated class and the classifiers it serves. */
  record AuxClass(String name, String body, List<AuxClassifier> classifiers) {}

  private final List<AuxClass> classes = new ArrayList<>();

  AuxClassifierClasses(List<AuxFigures> classifiers) {
    Map<String, List<AuxFigures>> byBody = new LinkedHashMap<>();
    for (AuxFigures classifier : classifiers) {
      byBody.computeIfAbsent(body(classifier), b -> new ArrayList<>()).add(classifier);
    }
    for (Map.Entry<String, List<AuxFigures>> layout : byBody.entrySet()) {
      List<AuxClassifier> served = layout.getValue().stream().map(AuxFigures::classifier).toList();
      String name = byBody.size() == 1 ? "AuxClassifier" : pascal(served.get(0).name()) + "Classifier";
      classes.add(new AuxClass(name, layout.getKey(), served));
    }
  }

  List<AuxClass> classes() {
    return classes;
  }

  /** The class that serves {@code classifier}. */
  String className(AuxClassifier classifier) {
    return classes.stream().filter(c -> c.classifiers().contains(classifier)).findFirst().orElseThrow().name();
  }

  /** The class text after its {@code class Name(nn.Module):} line. */
  private static String body(AuxFigures classifier) {
    RowModules modules = new RowModules("in_channels", null);
    StringBuilder text = new StringBuilder()
        .append("    \"\"\"An auxiliary classifier (training only): ")
        .append(String.join(", ", classifier.classifier().layers().stream().map(l -> l.name()).toList()))
        .append(".\"\"\"\n\n")
        .append("    def __init__(self, in_channels, num_classes):\n")
        .append("        super().__init__()\n");
    StringBuilder forward = new StringBuilder("    def forward(self, x):\n");
    boolean readsInput = true; // no row before has changed the channels of the classifier's input
    for (RowFigures row : classifier.rows()) {
      Optional<String> module = modules.module(row, readsInput);
      readsInput &= !RowModules.changesChannels(row.layer());
      // while the channels are the input's, the shape names them so: classifiers on other rows share the class
      String shape = readsInput ? row.output().height() + "x" + row.output().width() + "xin_channels"
          : row.output().toString();
      if (module.isPresent()) {
        text.append("        # ").append(PythonLiterals.comment(row.layer().source())).append('\n');
        text.append("        self.").append(row.layer().name()).append(" = ").append(module.get()).append('\n');
        forward.append("        ").append(RowModules.call(row.layer())).append("  # ").append(shape)
            .append('\n');
      } else {
        forward.append("        # ").append(row.layer().name()).append(": applied by the loss\n");
      }
    }
    return text.append('\n').append(forward).append("        return x\n").toString();
  }

  private static String pascal(String name) {
    StringBuilder text = new StringBuilder();
    for (String part : name.split("_")) {
      if (!part.isEmpty()) {
        text.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return text.toString();
  }
}
