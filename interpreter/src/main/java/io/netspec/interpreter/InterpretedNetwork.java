package io.netspec.interpreter;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.netspec.blocks.NetworkBlock;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.InputShape;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.NetworkSpec;
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
public final class InterpretedNetwork extends NetworkBlock {

  private final NetworkSpec spec;

  private InterpretedNetwork(Builder builder) {
    super(inputShape(builder.spec.input()), builder.numClasses);
    spec = builder.spec;
    Optional<Dropout> headDropout = spec.headDropout();
    LayerBlocks blocks = new LayerBlocks(builder.numClasses, headDropout.orElse(null),
        builder.dropoutRate == null ? 0 : builder.dropoutRate);
    for (Layer layer : spec.layers()) {
      blocks.of(layer).ifPresent(block -> addRow(layer.name(), block));
    }
    if (builder.auxClassifiers) {
      // the rates of an auxiliary classifier's dropout rows are always its own
      LayerBlocks auxBlocks = new LayerBlocks(builder.numClasses, null, 0);
      for (AuxClassifier classifier : spec.auxClassifiers()) {
        addAuxClassifier(classifier.name(), auxClassifier(classifier, auxBlocks));
      }
    }
  }

  private static Shape inputShape(InputShape input) {
    return new Shape(input.channels(), input.height(), input.width());
  }

  private static io.netspec.blocks.AuxClassifier auxClassifier(AuxClassifier classifier, LayerBlocks blocks) {
    io.netspec.blocks.AuxClassifier.Builder builder = io.netspec.blocks.AuxClassifier.builder()
        .setAttachedTo(classifier.after())
        .optLossWeight((float) classifier.lossWeight());
    for (Layer layer : classifier.layers()) {
      blocks.of(layer).ifPresent(block -> builder.add(layer.name(), block));
    }
    return builder.build();
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
      dropoutRate = spec.headDropout().map(dropout -> (float) dropout.rate()).orElse(null);
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
