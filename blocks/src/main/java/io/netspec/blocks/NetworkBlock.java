package io.netspec.blocks;

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
 */
public abstract class NetworkBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Shape inputShape;
  private final int numClasses;
  private final List<Block> rows = new ArrayList<>();
  private final List<String> rowNames = new ArrayList<>();
  private final List<AuxClassifier> auxClassifiers = new ArrayList<>();
  private boolean batchNormFolded;

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
   * Runs the network on {@code (N, C, H, W)} images.
   *
   * @return {@code (N, classes)} logits; in training with auxiliary classifiers on, followed by theirs
   */
  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    if (training && batchNormFolded) {
      throw new IllegalStateException(getClass().getSimpleName() + "'s batch normalisation is folded into its "
          + "convolutions for inference; it cannot be trained (build and load it again, without folding)");
    }
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
