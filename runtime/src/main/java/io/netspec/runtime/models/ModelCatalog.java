package io.netspec.runtime.models;

import ai.djl.nn.AbstractBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The networks netspec can train: by default those the netspec plugin generated into
 * {@code io.netspec.models}, listed by {@code io.netspec.models.NetspecModels.ALL}.
 */
public final class ModelCatalog {

  /** The index class the generator writes. */
  public static final String INDEX_CLASS = "io.netspec.models.NetspecModels";

  private final List<ModelType> types;

  /** A catalog of the given network classes, in that order. */
  public ModelCatalog(List<ModelType> types) {
    this.types = List.copyOf(types);
  }

  /**
   * The generated networks on the class path.
   *
   * @throws ModelException if there are none, or the index does not follow the contract
   */
  public static ModelCatalog generated() throws ModelException {
    Class<?> index;
    try {
      index = Class.forName(INDEX_CLASS);
    } catch (ClassNotFoundException e) {
      throw new ModelException("no generated networks on the class path (" + INDEX_CLASS
          + " is missing); build netspec with the netspec plugin: mvn -Pnetspec-plugin install", e);
    }
    Object all;
    try {
      all = index.getField("ALL").get(null);
    } catch (ReflectiveOperationException e) {
      throw new ModelException(INDEX_CLASS + " has no public static field ALL", e);
    }
    if (!(all instanceof List<?> classes)) {
      throw new ModelException(INDEX_CLASS + ".ALL is not a List");
    }
    List<ModelType> types = new ArrayList<>();
    for (Object element : classes) {
      if (!(element instanceof Class<?> c) || !AbstractBlock.class.isAssignableFrom(c)) {
        throw new ModelException(INDEX_CLASS + ".ALL holds " + element + ", not a network class");
      }
      types.add(ModelType.of(c.asSubclass(AbstractBlock.class)));
    }
    return new ModelCatalog(types);
  }

  /** Every network, in spec file name order. */
  public List<ModelType> all() {
    return types;
  }

  /**
   * The network with this class name, spec file name or spec file stem, in any case.
   *
   * @throws ModelException naming the known networks if none matches
   */
  public ModelType find(String name) throws ModelException {
    return types.stream().filter(t -> t.isNamed(name)).findFirst()
        .orElseThrow(() -> new ModelException("unknown model '" + name + "'; known: "
            + types.stream().map(ModelType::stem).collect(Collectors.joining(", "))));
  }
}
