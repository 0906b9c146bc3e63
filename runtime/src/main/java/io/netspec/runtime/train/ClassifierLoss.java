package io.netspec.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

/**
 * GoogLeNet's training loss: softmax cross-entropy of the main logits plus, when the forward pass returned
 * auxiliary logits (training with auxiliary classifiers), the cross-entropy of each weighted by its
 * {@code loss_weight}. In evaluation the network returns the main logits only and the loss is theirs.
 */
public final class ClassifierLoss extends Loss implements CpuReplicas.Objective {

  private final SoftmaxCrossEntropyLoss crossEntropy = new SoftmaxCrossEntropyLoss("cross_entropy");
  private final float[] auxWeights;
  private final float smoothing;

  /** @param auxWeights the weight of every auxiliary classifier, in the order the network returns them */
  public ClassifierLoss(float[] auxWeights) {
    this(auxWeights, 0);
  }

  /**
   * @param auxWeights the weight of every auxiliary classifier, in the order the network returns them
   * @param smoothing label smoothing: the target is {@code 1 - smoothing} on the label plus
   *     {@code smoothing / classes} on every class, so each head's loss is {@code (1 - smoothing)} times the
   *     cross-entropy plus {@code smoothing} times the mean of {@code -log softmax} over the classes
   */
  public ClassifierLoss(float[] auxWeights, float smoothing) {
    super("loss");
    this.auxWeights = auxWeights.clone();
    this.smoothing = smoothing;
  }

  /**
   * The mean cross-entropy of every head present in {@code predictions}: the main one first, then each
   * auxiliary classifier, unweighted.
   */
  @Override
  public NDList headLosses(NDList labels, NDList predictions) {
    if (predictions.size() > 1 + auxWeights.length) {
      throw new IllegalStateException("the network returned " + predictions.size() + " outputs; expected "
          + "the main logits and at most " + auxWeights.length + " auxiliary ones");
    }
    NDList losses = new NDList(predictions.size());
    for (NDArray logits : predictions) {
      NDArray crossEntropyLoss = crossEntropy.evaluate(labels, new NDList(logits));
      losses.add(smoothing == 0 ? crossEntropyLoss : smoothed(crossEntropyLoss, logits));
    }
    return losses;
  }

  /**
   * The training objective from {@link #headLosses}: main loss plus the weighted auxiliary losses.
   *
   * <p>Each weight is an array the engine made ({@code full}), not {@code mul(float)}: DJL 0.36's PyTorch
   * engine makes the scalar of {@code mul(Number)} over a Java buffer without copying it and frees the array
   * at once, while autograd keeps it for the backward pass, which then reads freed memory after a garbage
   * collection: the auxiliary classifiers' gradients came out scaled by garbage now and then, and two runs
   * with the same seed differed.
   */
  @Override
  public NDArray combine(NDList headLosses) {
    NDArray total = headLosses.get(0);
    for (int i = 1; i < headLosses.size(); i++) {
      NDArray loss = headLosses.get(i);
      NDArray weight = loss.getManager().full(new Shape(), auxWeights[i - 1], loss.getDataType());
      total = total.add(loss.mul(weight));
    }
    return total;
  }

  /** {@code (1 - s) * crossEntropy + s * mean(-log softmax)}; the scalars made by the engine (see below). */
  private NDArray smoothed(NDArray crossEntropyLoss, NDArray logits) {
    NDArray uniform = logits.logSoftmax(1).mean().neg();
    NDArray keep = logits.getManager().full(new Shape(), 1 - smoothing, crossEntropyLoss.getDataType());
    NDArray spread = logits.getManager().full(new Shape(), smoothing, crossEntropyLoss.getDataType());
    return crossEntropyLoss.mul(keep).add(uniform.mul(spread));
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return combine(headLosses(labels, predictions));
  }
}
