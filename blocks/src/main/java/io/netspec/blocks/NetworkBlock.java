package io.netspec.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A classification network of rows run one after the other, with auxiliary classifiers on the outputs of some
 * of them: the base class of netspec's generated network classes and of its interpreted networks, which only
 * add their rows and classifiers in their constructors, in spec order.
 *
 * <p>{@code forward} reads one {@code (N, C, H, W)} array and returns {@code (N, classes)} logits; in training,
 * with auxiliary classifiers, their logits follow in the order they were added. No softmax is applied. Each
 * row's output is closed as soon as the next row (and any classifier reading it) has read it, rather than when
 * the step ends; what the backward pass needs, the engine keeps for itself. The caller's input is never closed.
 *
 * <p>Children, in order: the rows, named as added (DJL prefixes a two-digit index), then the classifiers.
 *
 * <p>{@link #setPrecision} chooses the number format of the forward pass, for every row at once: with
 * {@link Precision#BF16} the rows read a bfloat16 copy of the input and bfloat16 casts of the convolutions' and
 * linear layers' weights, while the parameters themselves, BatchNorm's statistics and the returned logits stay
 * FP32.
 */
public abstract class NetworkBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Shape inputShape;
  private final int numClasses;
  private final List<Block> rows = new ArrayList<>();
  private final List<String> rowNames = new ArrayList<>();
  private final List<AuxClassifier> auxClassifiers = new ArrayList<>();
  private boolean batchNormFolded;
  private Precision precision = Precision.FP32;

  /**
   * @param inputShape one example's input: channels, height, width
   * @param numClasses the number of classes the network scores
   */
  protected NetworkBlock(Shape inputShape, int numClasses) {
    super(VERSION);
    if (numClasses < 1) {
      throw new IllegalArgumentException("the number of classes must be positive: " + numClasses);
    }
    this.inputShape = inputShape;
    this.numClasses = numClasses;
  }

  /**
   * Appends a row to the main path, a child named {@code name}.
   *
   * @param name the row's name
   * @param row the row's block
   * @param <B> the block's type
   * @return {@code row}
   */
  protected final <B extends Block> B addRow(String name, B row) {
    if (!auxClassifiers.isEmpty()) {
      throw new IllegalStateException("rows come before the auxiliary classifiers");
    }
    rows.add(addChildBlock(name, row));
    rowNames.add(name);
    return row;
  }

  /**
   * Adds an auxiliary classifier, a child named {@code name}, on the output of the row it is attached to.
   *
   * @param name the classifier's name
   * @param classifier the classifier
   * @return {@code classifier}
   * @throws IllegalArgumentException if no row is named like {@link AuxClassifier#attachedTo()}
   */
  protected final AuxClassifier addAuxClassifier(String name, AuxClassifier classifier) {
    if (!rowNames.contains(classifier.attachedTo())) {
      throw new IllegalArgumentException("no row '" + classifier.attachedTo() + "' for " + name + " to read");
    }
    auxClassifiers.add(addChildBlock(name, classifier));
    return classifier;
  }

  /**
   * The classifier, unless the network was built without auxiliary classifiers.
   *
   * @param classifier an auxiliary classifier's field
   * @return the classifier
   * @throws IllegalStateException if it is null
   */
  protected static AuxClassifier requireAuxClassifier(AuxClassifier classifier) {
    if (classifier == null) {
      throw new IllegalStateException("the network was built without auxiliary classifiers");
    }
    return classifier;
  }

  /**
   * The input of one example: channels, height, width.
   *
   * @return the shape, without the batch axis
   */
  public Shape inputShape() {
    return inputShape;
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
   * Folds every convolution unit's batch normalisation into its convolution, for inference
   * ({@link ConvolutionUnit#foldBatchNorm()}): call it once the parameters are loaded. The parameters keep their
   * trained values (saving them saves what was trained); the network refuses to run in training afterwards.
   */
  public final void foldBatchNorm() {
    foldUnits(this);
    batchNormFolded = true;
  }

  /**
   * Whether {@link #foldBatchNorm()} was called.
   *
   * @return true once folded
   */
  public final boolean isBatchNormFolded() {
    return batchNormFolded;
  }

  private static void foldUnits(Block block) {
    for (Pair<String, Block> child : block.getChildren()) {
      if (child.getValue() instanceof ConvolutionUnit unit) {
        unit.foldBatchNorm();
      } else {
        foldUnits(child.getValue());
      }
    }
  }

  /**
   * Sets the number format of the forward pass ({@link Precision#FP32} when not set). The parameters stay FP32
   * either way, so the same network can train in one format and be evaluated in the other.
   *
   * @param precision the format
   */
  public final void setPrecision(Precision precision) {
    this.precision = Objects.requireNonNull(precision, "precision");
  }

  /**
   * The number format of the forward pass.
   *
   * @return the format
   */
  public final Precision precision() {
    return precision;
  }

  /**
   * Runs the network on {@code (N, C, H, W)} images.
   *
   * @return {@code (N, classes)} logits; in training with auxiliary classifiers on, followed by theirs; FP32
   *     in every {@link Precision}
   */
  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    if (training && batchNormFolded) {
      throw new IllegalStateException(getClass().getSimpleName() + "'s batch normalisation is folded into its "
          + "convolutions for inference; it cannot be trained (build and load it again, without folding)");
    }
    NDArray input = inputs.singletonOrThrow();
    if (precision == Precision.FP32 && input.getDataType() == DataType.FLOAT32) {
      return forwardRows(parameterStore, inputs, training, params);
    }
    DataType computeType = precision.computeType();
    try (ComputeTypeStore store = new ComputeTypeStore(parameterStore, computeType, input.getManager());
        NDList computeInput = new NDList(EngineCasts.to(input, computeType, training))) {
      NDList outputs = forwardRows(store, computeInput, training, params);
      NDList logits = new NDList(outputs.size());
      for (NDArray output : outputs) {
        logits.add(EngineCasts.toFloat32(output, training));
      }
      outputs.close(); // what the backward pass needs of these, the engine keeps
      return logits;
    }
  }

  /** The rows, and in training the classifiers on their outputs, on inputs of the compute type. */
  private NDList forwardRows(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList auxLogits = new NDList();
    NDList x = inputs;
    for (int i = 0; i < rows.size(); i++) {
      NDList output = rows.get(i).forward(parameterStore, x, training, params);
      if (x != inputs) {
        x.close();
      }
      x = output;
      if (training) {
        for (AuxClassifier classifier : classifiersAfter(i)) {
          auxLogits.addAll(classifier.forward(parameterStore, x, true, params));
        }
      }
    }
    NDList outputs = new NDList(x);
    outputs.addAll(auxLogits);
    return outputs;
  }

  private List<AuxClassifier> classifiersAfter(int row) {
    String name = rowNames.get(row);
    return auxClassifiers.stream().filter(classifier -> classifier.attachedTo().equals(name)).toList();
  }

  /**
   * The inference output: {@code (N, classes)} logits.
   *
   * @param inputShapes {@code (N, C, H, W)}
   * @return the logits' shape
   */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
  }

  /**
   * The training output: the logits, then each enabled auxiliary classifier's logits.
   *
   * @param inputShapes {@code (N, C, H, W)}
   * @return the shapes, in the order of the outputs
   */
  public Shape[] getTrainingOutputShapes(Shape[] inputShapes) {
    List<Shape> shapes = new ArrayList<>(List.of(getOutputShapes(inputShapes)));
    Shape[] x = inputShapes;
    for (int i = 0; i < rows.size(); i++) {
      x = rows.get(i).getOutputShapes(x);
      for (AuxClassifier classifier : classifiersAfter(i)) {
        shapes.addAll(List.of(classifier.getOutputShapes(x)));
      }
    }
    return shapes.toArray(Shape[]::new);
  }

  /** Initialises each row with the shape the previous one outputs, and each classifier with its row's. */
  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape input = inputShapes[0];
    if (input.dimension() != 4 || !input.slice(1).equals(inputShape)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " reads (N, " + inputShape.get(0) + ", "
          + inputShape.get(1) + ", " + inputShape.get(2) + ") images, not " + input);
    }
    Shape[] x = inputShapes;
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).initialize(manager, dataType, x);
      x = rows.get(i).getOutputShapes(x);
      for (AuxClassifier classifier : classifiersAfter(i)) {
        classifier.initialize(manager, dataType, x);
      }
    }
  }
}
