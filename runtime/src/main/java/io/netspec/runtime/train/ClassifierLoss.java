package io.netspec.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

/**
 * GoogLeNet's training loss: softmax cross-entropy of the main logits plus, when the forward pass returned
 * auxiliary logits (training with auxiliary classifiers), the cross-entropy of each weighted by its
 * {@code loss_weight}. In evaluation the network returns the main logits only and the loss is theirs.
 */
public final class ClassifierLoss extends Loss {

  private final SoftmaxCrossEntropyLoss crossEntropy = new SoftmaxCrossEntropyLoss("cross_entropy");
  private final float[] auxWeights;

  /** @param auxWeights the weight of every auxiliary classifier, in the order the network returns them */
  public ClassifierLoss(float[] auxWeights) {
    super("loss");
    this.auxWeights = auxWeights.clone();
  }

  /**
   * The mean cross-entropy of every head present in {@code predictions}: the main one first, then each
   * auxiliary classifier, unweighted.
   */
  public NDList headLosses(NDList labels, NDList predictions) {
    if (predictions.size() > 1 + auxWeights.length) {
      throw new IllegalStateException("the network returned " + predictions.size() + " outputs; expected "
          + "the main logits and at most " + auxWeights.length + " auxiliary ones");
    }
    NDList losses = new NDList(predictions.size());
    for (NDArray logits : predictions) {
      losses.add(crossEntropy.evaluate(labels, new NDList(logits)));
    }
    return losses;
  }

  /** The training objective from {@link #headLosses}: main loss plus the weighted auxiliary losses. */
  public NDArray combine(NDList headLosses) {
    NDArray total = headLosses.get(0);
    for (int i = 1; i < headLosses.size(); i++) {
      total = total.add(headLosses.get(i).mul(auxWeights[i - 1]));
    }
    return total;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return combine(headLosses(labels, predictions));
  }
}
