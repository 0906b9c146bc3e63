package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The auxiliary loss weights reach the backward pass intact. With DJL 0.36's PyTorch engine,
 * {@code NDArray.mul(float)} makes its scalar over a Java direct buffer without copying it and frees the array at
 * once, while autograd keeps the scalar for the backward pass; once a garbage collection has freed the buffer and
 * other buffers have taken its memory, the gradient is scaled by whatever is there. Here every forward pass is
 * followed by a collection and by new direct buffers before the backward pass: with {@code mul(float)} in
 * {@link ClassifierLoss#combine}, about every other trial got a gradient near -1e7.
 */
class ClassifierLossGradientTest {

  private static final int TRIALS = 30;
  private static final float[] WEIGHTS = {0.3f, 0.7f};

  @Test
  void eachHeadsGradientIsItsWeightEvenAfterGarbageCollections() {
    ClassifierLoss loss = new ClassifierLoss(WEIGHTS);
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int trial = 0; trial < TRIALS; trial++) {
        NDList heads = new NDList(manager.create(2.5f), manager.create(1.5f), manager.create(0.5f));
        heads.forEach(head -> head.setRequiresGradient(true));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray total = loss.combine(heads);
          reuseFreedMemory();
          collector.backward(total);
        }
        assertEquals(1f, heads.get(0).getGradient().getFloat(), "main head, trial " + trial);
        for (int i = 0; i < WEIGHTS.length; i++) {
          assertEquals(WEIGHTS[i], heads.get(i + 1).getGradient().getFloat(), "aux head " + i + ", trial " + trial);
        }
        heads.close();
      }
    }
  }

  /** Lets the collector free unreachable direct buffers, then fills memory with new ones. */
  private static void reuseFreedMemory() {
    System.gc();
    for (int i = 0; i < 256; i++) {
      ByteBuffer.allocateDirect(Float.BYTES).putFloat(0, 1000f);
    }
  }
}
