package io.netspec.runtime.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.exchange.WeightsException;
import io.netspec.report.run.RunLayout;
import io.netspec.runtime.eval.TrainedRun;
import io.netspec.runtime.models.ModelException;
import io.netspec.runtime.models.Network;
import io.netspec.runtime.weights.WeightsFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trained parameters a run starts from ({@code train --weights}): a run folder's {@code best.params}, its
 * network rebuilt from its {@code run.json}, or a {@code .params} file of the network being trained with as many
 * classes. Parameters are matched by their path in the block and their shape; those whose shape differs only in
 * the class count (the classifier heads' last layers, main and auxiliary) start afresh and are named, and any
 * other difference means the weights belong to another network: an error before anything is written.
 *
 * <p>{@link #read} takes a path; a safetensors file ({@link WeightsFile}) fills the same map of serialised
 * parameters through a twin of the network.
 */
public final class StartingWeights {

  private final String origin;
  private final int classes;
  private final Map<String, byte[]> parameters;
  private final Map<String, Shape> shapes;

  private StartingWeights(String origin, int classes, Map<String, byte[]> parameters, Map<String, Shape> shapes) {
    this.origin = origin;
    this.classes = classes;
    this.parameters = parameters;
    this.shapes = shapes;
  }

  /**
   * Reads {@code --weights}: a run folder, a {@code .params} file of {@code target}'s network, or a
   * {@code .safetensors} file under its spec's tensor names.
   *
   * @param target the network about to be trained (built, not initialised)
   * @throws IOException if the path is neither, or cannot be read
   */
  public static StartingWeights read(Path path, Network target) throws IOException, ModelException, SpecException {
    if (Files.isDirectory(path)) {
      try (TrainedRun run = TrainedRun.open(path, RunLayout.BEST)) {
        return of(path + " (best.params)", run.network());
      }
    }
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toString(), null, "--weights: no such run folder or .params file");
    }
    if (WeightsFile.isSafetensors(path)) {
      return fromSafetensors(path, target);
    }
    if (!path.getFileName().toString().endsWith(".params")) {
      throw new IOException("--weights " + path + ": expected a run folder, a .params or a "
          + WeightsFile.SUFFIX + " file");
    }
    Network twin = target.type().build(Optional.of(target.classes()), Optional.of(target.hasAuxClassifiers()));
    try (Model model = Model.newInstance(target.type().stem())) {
      model.setBlock(twin.block());
      try (InputStream in = Files.newInputStream(path)) {
        model.load(in);
      } catch (MalformedModelException | IOException | RuntimeException e) {
        throw new IOException("--weights " + path + ": not the parameters of " + target.type().stem() + " with "
            + target.classes() + " classes (" + e.getMessage() + "); to change the class count, give the run "
            + "folder instead", e);
      }
      return of(path.toString(), twin);
    }
  }

  /**
   * A safetensors file under the spec's tensor names ({@link WeightsFile}): loaded into a twin of {@code target}
   * with its class count; of another class count, all but the class scores, which keep the twin's initial values.
   */
  private static StartingWeights fromSafetensors(Path path, Network target)
      throws IOException, ModelException, SpecException {
    Network twin = target.type().build(Optional.of(target.classes()), Optional.of(target.hasAuxClassifiers()));
    try {
      List<String> fresh = WeightsFile.loadForFineTuning(path, twin);
      return of(fresh.isEmpty() ? path.toString()
          : path + " (another class count: " + String.join(", ", fresh) + " start as initialised)", twin);
    } catch (WeightsException e) {
      throw new IOException("--weights " + e.getMessage(), e);
    }
  }

  private static StartingWeights of(String origin, Network source) throws IOException {
    Map<String, byte[]> parameters = new LinkedHashMap<>();
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : source.block().getParameters()) {
      Parameter parameter = entry.getValue();
      if (!parameter.isInitialized()) {
        continue;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        parameter.save(out);
      }
      parameters.put(entry.getKey(), bytes.toByteArray());
      shapes.put(entry.getKey(), parameter.getArray().getShape());
    }
    return new StartingWeights(origin, source.classes(), parameters, shapes);
  }

  /** Where the weights come from, for the console and {@code run.json}. */
  public String origin() {
    return origin;
  }

  /**
   * The parameters of {@code target} that start afresh (DJL's names; see {@link #displayNames}): the classifier
   * heads' when the class count differs.
   * {@code target} is initialised on a throw-away manager to learn its shapes.
   *
   * @throws IOException if the weights belong to another network
   */
  public List<String> check(Network target) throws IOException, ModelException {
    Network twin = target.type().build(Optional.of(target.classes()), Optional.of(target.hasAuxClassifiers()));
    try (NDManager manager = NDManager.newBaseManager()) {
      twin.initialize(manager);
      return reinitialised(twin);
    }
  }

  /**
   * Parameter names as a user reads them: {@code fc.weight}, {@code aux1.fc2.bias}, {@code inception_3a.branch1x1.
   * conv.weight}; DJL's own are its children's keys joined by {@code _}, each after an index
   * ({@code 20fc_02Linear_weight}). Keys DJL makes from a block's class name ({@code Linear}) are left out.
   */
  public static Map<String, String> displayNames(ai.djl.nn.Block block) {
    Map<String, String> names = new LinkedHashMap<>();
    walk(block, "", "", names);
    return names;
  }

  private static void walk(ai.djl.nn.Block block, String djlPrefix, String shownPrefix, Map<String, String> names) {
    for (Pair<String, Parameter> parameter : block.getDirectParameters()) {
      names.put(djlPrefix + parameter.getKey(), shownPrefix + parameter.getKey());
    }
    for (Pair<String, ai.djl.nn.Block> child : block.getChildren()) {
      String key = child.getKey().replaceFirst("^\\d+", "");
      boolean className = !key.isEmpty() && Character.isUpperCase(key.charAt(0));
      walk(child.getValue(), djlPrefix + child.getKey() + "_", className ? shownPrefix : shownPrefix + key + ".",
          names);
    }
  }

  private List<String> reinitialised(Network target) throws IOException {
    Map<String, String> shown = displayNames(target.block());
    List<String> fresh = new ArrayList<>();
    for (Pair<String, Parameter> entry : target.block().getParameters()) {
      String name = entry.getKey();
      Shape wanted = entry.getValue().getArray().getShape();
      Shape given = shapes.get(name);
      if (given != null && given.equals(wanted)) {
        continue;
      }
      if (given != null && isHead(given, wanted, target.classes())) {
        fresh.add(name);
        continue;
      }
      boolean aux = given == null && target.auxNames().stream().anyMatch(a -> name.replaceFirst("^\\d+", "")
          .startsWith(a + "_"));
      if (aux) {
        fresh.add(name); // the weights were trained without this auxiliary classifier
        continue;
      }
      String named = shown.getOrDefault(name, name);
      throw new IOException("--weights " + origin + ": the weights belong to another network than "
          + target.type().stem() + " (" + (given == null ? "they have no parameter " + named
              : "parameter " + named + " is " + given + " there, " + wanted + " here") + ")");
    }
    return fresh;
  }

  /** Whether two shapes differ only in the first dimension, which is the class count in each. */
  private boolean isHead(Shape given, Shape wanted, int targetClasses) {
    return given.dimension() == wanted.dimension() && given.dimension() >= 1 && given.get(0) == classes
        && wanted.get(0) == targetClasses && given.slice(1).equals(wanted.slice(1));
  }

  /**
   * Initialises {@code network}'s block on {@code model}'s manager and replaces every parameter these weights
   * have with the same shape, before DJL's trainer is made (which then keeps them).
   *
   * @return the parameters that start afresh
   */
  public List<String> applyTo(Network network, Model model) throws IOException {
    network.block().initialize(model.getNDManager(), DataType.FLOAT32, network.batchShape(1));
    List<String> fresh = reinitialised(network);
    for (Pair<String, Parameter> entry : network.block().getParameters()) {
      if (fresh.contains(entry.getKey())) {
        continue;
      }
      Parameter parameter = entry.getValue();
      var old = parameter.getArray();
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters.get(entry.getKey())))) {
        parameter.load(model.getNDManager(), in);
      } catch (MalformedModelException e) {
        throw new IOException("--weights " + origin + ": parameter " + entry.getKey() + " (" + e.getMessage() + ")",
            e);
      }
      old.close();
    }
    return fresh;
  }

  /**
   * Freezes the parameters of every row of the main path up to and including {@code row}, so that training
   * leaves them as they are.
   *
   * @return the rows frozen, in order
   * @throws IllegalArgumentException if no row of the main path has that name
   */
  public static List<String> freeze(Network network, String row) {
    List<String> rows = new ArrayList<>();
    List<String> aux = network.auxNames();
    for (Pair<String, ai.djl.nn.Block> child : network.block().getChildren()) {
      String name = child.getKey().replaceFirst("^\\d+", "");
      if (!aux.contains(name)) {
        rows.add(name);
      }
    }
    int last = rows.indexOf(row);
    if (last < 0) {
      throw new IllegalArgumentException("--freeze " + row + ": no row of " + network.type().stem()
          + " has that name; its rows: " + String.join(", ", rows));
    }
    List<String> frozen = rows.subList(0, last + 1);
    for (Pair<String, ai.djl.nn.Block> child : network.block().getChildren()) {
      if (frozen.contains(child.getKey().replaceFirst("^\\d+", ""))) {
        child.getValue().freezeParameters(true);
      }
    }
    return List.copyOf(frozen);
  }
}
