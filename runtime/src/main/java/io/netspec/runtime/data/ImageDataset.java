package io.netspec.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.util.Random;

/**
 * Labelled images as a DJL data set: each record is one {@code (C, H, W)} float input made by an
 * {@link ImageTransform} and its class index as a float scalar, which DJL's stacking batchifier turns into
 * {@code (N, C, H, W)} and {@code (N)}. Inputs are made when a batch asks for them, so that a 224x224 network
 * does not hold its whole resized training set in memory; with an executor (DJL's {@code optExecutorService})
 * and {@code optPrefetchNumber}, DJL makes the next batches on a background thread while the current one
 * trains. Augmentation draws from one seeded generator, in the order records are asked for, so a single
 * loading thread gives the same images on every run.
 */
public final class ImageDataset extends RandomAccessDataset {

  private final LabeledImages images;
  private final ImageTransform transform;
  private final Shape inputShape;
  private final Augmentation augmentation;
  private final Random random;

  private ImageDataset(Builder builder) {
    super(builder);
    this.images = builder.images;
    this.transform = builder.transform;
    this.augmentation = builder.augmentation;
    this.random = new Random(builder.seed);
    this.inputShape = new Shape(transform.channels(), transform.height(), transform.width());
  }

  /** Starts a data set over {@code images}, turned into inputs by {@code transform}. */
  public static Builder builder(LabeledImages images, ImageTransform transform) {
    return new Builder(images, transform);
  }

  @Override
  public Record get(NDManager manager, long index) {
    int i = Math.toIntExact(index);
    float[] values;
    synchronized (random) {
      values = transform.apply(images, i, augmentation, random);
    }
    NDArray input = manager.create(values, inputShape);
    NDArray label = manager.create((float) images.label(i));
    return new Record(new NDList(input), new NDList(label));
  }

  @Override
  protected long availableSize() {
    return images.count();
  }

  @Override
  public void prepare(Progress progress) {
    // everything is in memory already
  }

  /** The images behind the data set. */
  public LabeledImages images() {
    return images;
  }

  /** Configures an {@link ImageDataset}; call {@code setSampling} before {@link #build()}. */
  public static final class Builder extends BaseBuilder<Builder> {

    private final LabeledImages images;
    private final ImageTransform transform;
    private Augmentation augmentation = Augmentation.NONE;
    private long seed;

    private Builder(LabeledImages images, ImageTransform transform) {
      this.images = images;
      this.transform = transform;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Augments every record with {@code augmentation}, drawn from a generator seeded with {@code seed}. */
    public Builder optAugmentation(Augmentation augmentation, long seed) {
      this.augmentation = augmentation;
      this.seed = seed;
      return this;
    }

    /** The data set. */
    public ImageDataset build() {
      return new ImageDataset(this);
    }
  }
}
