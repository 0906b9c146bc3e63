package io.netspec.exchange;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.netspec.dsl.tensors.NamedTensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A DJL network's parameters bound to the spec's tensor names ({@link io.netspec.dsl.tensors.TensorNames}).
 *
 * <p>The binding relies on what generated and interpreted networks share (docs/generated-code.md): one child
 * per row of the spec that has parameters, named after the row (DJL puts a two-digit index before it), then one
 * per auxiliary classifier when they are built; within a child, DJL lists the parameters in the order the
 * tensor names give them (reduction before convolution, convolution before batch normalisation, weight before
 * bias; BatchNorm's gamma, beta, running mean, running variance). So the k-th parameter of a row's child is its
 * k-th named tensor; the binding checks that the counts, the shapes and the kinds (weight, bias, gamma, ...)
 * agree, so a network that broke this order is refused rather than filled wrongly.
 *
 * <p>Auxiliary classifiers the network was built without are left out: {@link #absentOwners()} names them.
 */
public final class NamedParameters {

  private static final Map<String, String> DJL_KIND = Map.of(
      "conv.weight", "weight", "conv.bias", "bias",
      "bn.weight", "gamma", "bn.bias", "beta", "bn.running_mean", "runningMean", "bn.running_var", "runningVar");

  private final String network;
  private final List<NamedTensor> tensors;
  private final List<TensorBinding> bindings;
  private final List<String> absentOwners;
  private final Set<String> leftOut;

  private NamedParameters(String network, List<NamedTensor> tensors, List<TensorBinding> bindings,
      List<String> absentOwners, Set<String> leftOut) {
    this.network = network;
    this.tensors = List.copyOf(tensors);
    this.bindings = List.copyOf(bindings);
    this.absentOwners = List.copyOf(absentOwners);
    this.leftOut = Set.copyOf(leftOut);
  }

  /**
   * Binds an initialised network's parameters to its tensor names.
   *
   * @param network the network's name for messages, e.g. {@code GooglenetTorchvision}
   * @param block the network, initialised (its parameters have shapes)
   * @param tensors the spec's tensor names for the class count the network was built with
   * @throws WeightsException if the network's parameters do not follow the tensor names
   */
  public static NamedParameters bind(String network, Block block, List<NamedTensor> tensors)
      throws WeightsException {
    Objects.requireNonNull(network, "network");
    if (!block.isInitialized()) {
      throw new IllegalStateException(network + " is not initialised");
    }
    Map<String, Block> children = new LinkedHashMap<>();
    for (Pair<String, Block> child : block.getChildren()) {
      children.put(child.getKey().replaceFirst("^\\d+", ""), child.getValue());
    }
    Map<String, List<NamedTensor>> byOwner = new LinkedHashMap<>();
    for (NamedTensor tensor : tensors) {
      byOwner.computeIfAbsent(tensor.owner(), owner -> new ArrayList<>()).add(tensor);
    }
    List<TensorBinding> bindings = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (Map.Entry<String, List<NamedTensor>> owner : byOwner.entrySet()) {
      Block child = children.get(owner.getKey());
      if (child == null) {
        absent.add(owner.getKey());
        continue;
      }
      bindings.addAll(bindOwner(network, owner.getKey(), child, owner.getValue()));
    }
    for (String owner : absent) {
      if (!byOwner.get(owner).get(0).auxiliary()) {
        throw new WeightsException(network + " has no child block for row '" + owner + "' of its spec");
      }
    }
    return new NamedParameters(network, tensors, bindings, absent, Set.of());
  }

  private static List<TensorBinding> bindOwner(String network, String owner, Block child, List<NamedTensor> named)
      throws WeightsException {
    List<NamedTensor> expected = named.stream().filter(NamedTensor::isParameter).toList();
    PairList<String, Parameter> parameters = child.getParameters();
    List<TensorBinding> bindings = new ArrayList<>();
    // pairwise first, so that a network of another spec is refused naming the first parameter that differs
    for (int i = 0; i < Math.min(parameters.size(), expected.size()); i++) {
      NamedTensor tensor = expected.get(i);
      String djlName = owner + "_" + parameters.keyAt(i);
      Parameter parameter = parameters.valueAt(i);
      Shape shape = parameter.getArray().getShape();
      if (!shapeText(shape).equals(tensor.shapeText())) {
        throw new WeightsException(network + ": parameter " + djlName + " has shape " + shapeText(shape)
            + ", its tensor " + tensor.name() + " " + tensor.shapeText());
      }
      String kind = djlKind(tensor.name());
      if (!parameters.keyAt(i).endsWith(kind)) {
        throw new WeightsException(network + ": parameter " + djlName + " is not a " + kind
            + ", as tensor " + tensor.name() + " is");
      }
      bindings.add(new TensorBinding(tensor, parameter, djlName));
    }
    if (parameters.size() != expected.size()) {
      throw new WeightsException(network + ": row '" + owner + "' has " + parameters.size()
          + " DJL parameters, its spec names " + expected.size() + " tensors");
    }
    return bindings;
  }

  private static String djlKind(String name) {
    for (Map.Entry<String, String> kind : DJL_KIND.entrySet()) {
      if (name.endsWith("." + kind.getKey())) {
        return kind.getValue();
      }
    }
    return name.substring(name.lastIndexOf('.') + 1); // a linear row's weight or bias
  }

  /** A DJL shape as the tensor names print theirs: {@code [64, 3, 7, 7]}. */
  static String shapeText(Shape shape) {
    List<Long> dimensions = new ArrayList<>();
    for (long dimension : shape.getShape()) {
      dimensions.add(dimension);
    }
    return dimensions.toString();
  }

  /** The network's name, for messages. */
  public String network() {
    return network;
  }

  /**
   * These parameters but for the tensors {@code names}: a file's tensors of these names are ignored and the
   * network's keep their values (fine-tuning on other classes leaves the class scores as initialised).
   */
  public NamedParameters leaving(Set<String> names) {
    Set<String> left = new HashSet<>(leftOut);
    left.addAll(names);
    return new NamedParameters(network, tensors,
        bindings.stream().filter(b -> !left.contains(b.tensor().name())).toList(), absentOwners, left);
  }

  /**
   * Every tensor the network has outside DJL, in the tensor names' order: the bound parameters and BatchNorm's
   * {@code num_batches_tracked} counters, without those of absent auxiliary classifiers.
   */
  public List<NamedTensor> tensors() {
    return tensors.stream().filter(t -> !isLeftOut(t.name())).toList();
  }

  /** The parameters, in the tensor names' order. */
  public List<TensorBinding> bindings() {
    return bindings;
  }

  /** The auxiliary classifiers named by the spec that the network was built without. */
  public List<String> absentOwners() {
    return absentOwners;
  }

  /**
   * Whether {@code name} is a tensor of the spec that these parameters leave out: an absent auxiliary
   * classifier's, or one given to {@link #leaving}.
   */
  public boolean isLeftOut(String name) {
    return leftOut.contains(name)
        || tensors.stream().anyMatch(t -> t.name().equals(name) && absentOwners.contains(t.owner()));
  }
}
