package io.netspec.interpreter;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.InputShape;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The network of a spec, built as DJL blocks at run time from its {@link NetworkSpec}, without code generation.
 *
 * <p>It is the same network as the class the generator emits for that spec: the same children with the same
 * names (one per main-path row except {@code softmax}, named after the row, then one per auxiliary classifier
 * when they are enabled), hence the same parameter names and shapes, so that parameters saved from one load
 * into the other; and the same {@link #forward} contract: one {@code (N, C, H, W)} input; {@code (N, classes)}
 * logits; in training with auxiliary classifiers on, their logits follow, in the order they attach along the
 * main path. No softmax is applied.
 *
 * <p>Check the spec with the analysis ({@code Analyzer.analyze}) first: a spec whose shapes collapse fails here
 * only at initialisation, without the spec's location.
 *
 * <pre>{@code
 * NetworkSpec spec = SpecLoader.load(Path.of("specs/googlenet-fashion.yaml"));
 * Analyzer.analyze(spec);                     // located errors, if any
 * InterpretedNetwork network = InterpretedNetwork.builder(spec).optNumClasses(10).build();
 * network.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(network.inputShape()));
 * }</pre>
 */
public final class InterpretedNetwork extends AbstractBlock {

  private static final byte VERSION = 1;

  private final NetworkSpec spec;
  private final int numClasses;
  private final List<Step> steps;
  private final List<AuxClassifierBlock> auxClassifiers;

  /**
   * One main-path row: its block (none for {@code softmax}) and the auxiliary classifiers that read its output.
   */
  private record Step(Optional<Block> block, List<AuxClassifierBlock> classifiers) {}

  private InterpretedNetwork(Builder builder) {
    super(VERSION);
    spec = builder.spec;
    numClasses = builder.numClasses;
    Optional<Dropout> headDropout = headDropout(spec.layers());
    LayerBlocks blocks = new LayerBlocks(numClasses, headDropout.orElse(null),
        builder.dropoutRate == null ? 0 : builder.dropoutRate);
    // the rates of an auxiliary classifier's dropout rows are always its own
    LayerBlocks auxBlocks = new LayerBlocks(numClasses, null, 0);
    List<AuxClassifierBlock> classifiers = new ArrayList<>();
    if (builder.auxClassifiers) {
      for (AuxClassifier classifier : spec.auxClassifiers()) {
        classifiers.add(auxClassifier(classifier, auxBlocks));
      }
    }
    List<Step> path = new ArrayList<>();
    for (Layer layer : spec.layers()) {
      Optional<Block> block = blocks.of(layer).map(b -> addChildBlock(layer.name(), b));
      path.add(new Step(block, classifiers.stream().filter(c -> c.attachedTo().equals(layer.name())).toList()));
    }
    for (int i = 0; i < classifiers.size(); i++) {
      addChildBlock(spec.auxClassifiers().get(i).name(), classifiers.get(i));
    }
    steps = List.copyOf(path);
    auxClassifiers = List.copyOf(classifiers);
  }

  private static AuxClassifierBlock auxClassifier(AuxClassifier classifier, LayerBlocks blocks) {
    List<Pair<String, Block>> rows = new ArrayList<>();
    for (Layer layer : classifier.layers()) {
      blocks.of(layer).ifPresent(block -> rows.add(new Pair<>(layer.name(), block)));
    }
    return new AuxClassifierBlock(classifier.after(), (float) classifier.lossWeight(), rows);
  }

  /** The main path's last dropout row, the head's: the one whose rate the builder may change. */
  private static Optional<Dropout> headDropout(List<Layer> layers) {
    Dropout last = null;
    for (Layer layer : layers) {
      if (layer instanceof Dropout dropout) {
        last = dropout;
      }
    }
    return Optional.ofNullable(last);
  }

  /**
   * Starts building the network of a spec.
   *
   * @param spec the spec, best checked by the analysis first
   * @return a builder with the spec's defaults: its classes, auxiliary classifiers on if it has any, its head's
   *     dropout rate
   */
  public static Builder builder(NetworkSpec spec) {
    return new Builder(spec);
  }

  /**
   * The spec this network was built from.
   *
   * @return the spec
   */
  public NetworkSpec spec() {
    return spec;
  }

  /**
   * The input of one example: channels, height, width.
   *
   * @return the shape, without the batch axis
   */
  public Shape inputShape() {
    InputShape input = spec.input();
    return new Shape(input.channels(), input.height(), input.width());
  }

  /**
   * The number of classes the network scores.
   *
   * @return the number of classes
   */
  public int numClasses() {
    return numClasses;
  }

  /**
   * Whether the auxiliary classifiers are children of this network and run in training.
   *
   * @return true if they are
   */
  public boolean hasAuxClassifiers() {
    return !auxClassifiers.isEmpty();
  }

  /**
   * The loss weights of the auxiliary classifiers, in the order of their logits.
   *
   * @return a new array, empty when the classifiers are off
   */
  public float[] auxLossWeights() {
    float[] weights = new float[auxClassifiers.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = auxClassifiers.get(i).lossWeight();
    }
    return weights;
  }

  /**
   * The block of a main-path row or of an auxiliary classifier.
   *
   * @param name the row's or the classifier's name in the spec
   * @return the block; empty for {@code softmax} rows, disabled classifiers and unknown names
   */
  public Optional<Block> child(String name) {
    return children.keys().stream()
        .filter(key -> stripIndex(key).equals(name))
        .findFirst()
        .map(children::get);
  }

  /** A child's name without the index DJL prefixes it with. */
  private static String stripIndex(String key) {
    int i = 0;
    while (i < key.length() && Character.isDigit(key.charAt(i))) {
      i++;
    }
    return key.substring(i);
  }

  /**
   * Runs the network on {@code (N, C, H, W)} images.
   *
   * @return {@code (N, classes)} logits; in training with auxiliary classifiers on, followed by theirs
   */
  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList x = inputs;
    NDList auxLogits = new NDList();
    for (Step step : steps) {
      if (step.block().isPresent()) {
        x = Chain.freeing(x, step.block().get().forward(parameterStore, x, training, params), inputs);
      }
      if (training) {
        for (AuxClassifierBlock classifier : step.classifiers()) {
          auxLogits.addAll(classifier.forward(parameterStore, x, training, params));
        }
      }
    }
    NDList outputs = new NDList(x);
    outputs.addAll(auxLogits);
    return outputs;
  }

  /**
   * The inference output: the logits' shape.
   *
   * @param inputShapes {@code (N, C, H, W)}
   * @return {@code (N, classes)}
   */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return Chain.outputShapes(mainPath(), inputShapes);
  }

  /**
   * The training output: the logits, then each enabled auxiliary classifier's logits.
   *
   * @param inputShapes {@code (N, C, H, W)}
   * @return the shapes, in the order of the outputs
   */
  public Shape[] getTrainingOutputShapes(Shape[] inputShapes) {
    List<Shape> shapes = new ArrayList<>();
    List<Shape> auxShapes = new ArrayList<>();
    Shape[] x = inputShapes;
    for (Step step : steps) {
      if (step.block().isPresent()) {
        x = step.block().get().getOutputShapes(x);
      }
      for (AuxClassifierBlock classifier : step.classifiers()) {
        auxShapes.addAll(List.of(classifier.getOutputShapes(x)));
      }
    }
    shapes.addAll(List.of(x));
    shapes.addAll(auxShapes);
    return shapes.toArray(Shape[]::new);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape input = inputShapes[0];
    if (input.dimension() != 4 || !input.slice(1).equals(inputShape())) {
      InputShape expected = spec.input();
      throw new IllegalArgumentException(spec.className() + " reads (N, " + expected.channels() + ", "
          + expected.height() + ", " + expected.width() + ") images, not " + input);
    }
    Shape[] x = inputShapes;
    for (Step step : steps) {
      if (step.block().isPresent()) {
        step.block().get().initialize(manager, dataType, x);
        x = step.block().get().getOutputShapes(x);
      }
      for (AuxClassifierBlock classifier : step.classifiers()) {
        classifier.initialize(manager, dataType, x);
      }
    }
  }

  private List<Block> mainPath() {
    return steps.stream().flatMap(step -> step.block().stream()).toList();
  }

  /** Builds an {@link InterpretedNetwork}: the spec's defaults unless changed. */
  public static final class Builder {

    private final NetworkSpec spec;
    private int numClasses;
    private boolean auxClassifiers;
    private Float dropoutRate;

    private Builder(NetworkSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
      numClasses = spec.classes();
      auxClassifiers = !spec.auxClassifiers().isEmpty();
      dropoutRate = headDropout(spec.layers()).map(dropout -> (float) dropout.rate()).orElse(null);
    }

    /**
     * Sets the number of classes, the width of the rows written {@code units: classes} (the spec's when not
     * set).
     *
     * @param numClasses the number of classes, at least 1
     * @return this builder
     */
    public Builder optNumClasses(int numClasses) {
      if (numClasses < 1) {
        throw new IllegalArgumentException("the number of classes must be positive: " + numClasses);
      }
      this.numClasses = numClasses;
      return this;
    }

    /**
     * Sets whether the auxiliary classifiers are built and run in training (true when not set, if the spec
     * has any; a spec without any stays without).
     *
     * @param auxClassifiers whether to build them
     * @return this builder
     */
    public Builder optAuxClassifiers(boolean auxClassifiers) {
      this.auxClassifiers = auxClassifiers && !spec.auxClassifiers().isEmpty();
      return this;
    }

    /**
     * Sets the rate of the head's dropout row, the main path's last (the spec's when not set).
     *
     * @param dropoutRate the rate, at least 0 and below 1
     * @return this builder
     * @throws IllegalStateException if the main path has no dropout row
     */
    public Builder optDropoutRate(float dropoutRate) {
      if (!(dropoutRate >= 0 && dropoutRate < 1)) {
        throw new IllegalArgumentException("the rate must be in [0, 1): " + dropoutRate);
      }
      if (this.dropoutRate == null) {
        throw new IllegalStateException(spec.file() + " has no dropout row on its main path");
      }
      this.dropoutRate = dropoutRate;
      return this;
    }

    /**
     * Builds the network; {@code initialize} it with {@code (N, C, H, W)} before use.
     *
     * @return the network
     */
    public InterpretedNetwork build() {
      return new InterpretedNetwork(this);
    }
  }
}
