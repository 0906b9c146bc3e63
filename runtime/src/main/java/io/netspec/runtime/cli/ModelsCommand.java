package io.netspec.runtime.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.netspec.runtime.models.ModelCatalog;
import io.netspec.runtime.models.ModelException;
import io.netspec.runtime.models.ModelType;
import io.netspec.runtime.models.Network;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netspec models}: the generated networks, with their input, classes and parameter counts. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lists the networks generated from the specs: input (HxWxC), default classes, and trainable "
        + "parameters without and with the auxiliary classifiers.")
final class ModelsCommand implements Callable<Integer> {

  private static final String ROW = "%-24s %-22s %-12s %8s %14s %14s%n";

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws ModelException {
    ModelCatalog catalog = ModelCatalog.generated();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(ROW, "MODEL", "CLASS", "INPUT", "CLASSES", "PARAMS", "WITH AUX");
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      for (ModelType type : catalog.all()) {
        Shape input = type.inputShape();
        long main = trainableParameters(type, false, manager);
        long withAux = trainableParameters(type, true, manager);
        out.printf(ROW, type.stem(), type.name(), input.get(1) + "x" + input.get(2) + "x" + input.get(0),
            type.defaultClasses(), String.format("%,d", main),
            withAux == main ? "-" : String.format("%,d", withAux));
      }
    }
    out.flush();
    return 0;
  }

  private static long trainableParameters(ModelType type, boolean aux, NDManager manager) throws ModelException {
    Network network = type.build(Optional.empty(), Optional.of(aux));
    try (NDManager scope = manager.newSubManager()) {
      network.initialize(scope);
      return network.trainableParameters();
    }
  }
}
