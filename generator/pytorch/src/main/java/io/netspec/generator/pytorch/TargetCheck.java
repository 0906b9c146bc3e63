package io.netspec.generator.pytorch;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, before anything is generated, a spec the PyTorch target cannot express: a row or classifier whose
 * name cannot be a module attribute (its parameters are named after it), a network class that is no Python
 * name. Every row type of the spec format has a PyTorch module.
 */
final class TargetCheck {

  private TargetCheck() {}

  static void check(NetworkSpec spec) throws SpecException {
    List<Diagnostic> problems = new ArrayList<>();
    for (Layer layer : spec.layers()) {
      row(layer, problems);
    }
    for (AuxClassifier classifier : spec.auxClassifiers()) {
      name(classifier.name(), classifier.location(), "auxiliary classifier", problems);
      for (Layer layer : classifier.layers()) {
        row(layer, problems);
      }
    }
    String classProblem = PythonNames.classProblem(spec.className());
    if (classProblem != null) {
      problems.add(new Diagnostic(SourceLocation.ofFile(spec.file()),
          "the PyTorch target cannot name the network class " + spec.className() + ": " + classProblem
              + "; rename the spec file"));
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
  }

  private static void row(Layer layer, List<Diagnostic> problems) {
    name(layer.name(), layer.location(), "row", problems);
  }

  private static void name(String name, SourceLocation location, String what, List<Diagnostic> problems) {
    String problem = PythonNames.attributeProblem(name);
    if (problem != null) {
      problems.add(new Diagnostic(location, "the PyTorch target cannot express " + what + " '" + name + "': "
          + problem + ", and its parameters are named after it; rename the " + what));
    }
  }
}
