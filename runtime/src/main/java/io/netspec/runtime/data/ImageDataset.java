package io.netspec.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Labelled images as a DJL data set: each record is one {@code (C, H, W)} float input made by an
 * {@link ImageTransform} and its class index as a float scalar, which DJL's stacking batchifier turns into
 * {@code (N, C, H, W)} and {@code (N)}. Inputs are made when a batch asks for them, so that a 224x224 network
 * does not hold its whole resized training set in memory; with an executor (DJL's {@code optExecutorService})
 * and {@code optPrefetchNumber}, DJL makes the next batches on a background thread while the current one
 * trains, on as many threads as the executor has. The augmentation of a record draws from a generator seeded
 * with the seed, the record's index and how many times it was asked for before, so the same seed gives the same
 * images on every run whatever the number of loading threads.
 */
public final class ImageDataset extends RandomAccessDataset {

  private final LabeledImages images;
  private final ImageTransform transform;
  private final Shape inputShape;
  private final Augmentation augmentation;
  private final long seed;
  private final AtomicIntegerArray draws;

  private ImageDataset(Builder builder) {
    super(builder);
    this.images = builder.images;
    this.transform = builder.transform;
    this.augmentation = builder.augmentation;
    this.seed = builder.seed;
    this.draws = new AtomicIntegerArray(builder.images.count());
    this.inputShape = new Shape(transform.channels(), transform.height(), transform.width());
  }

  /** Starts a data set over {@code images}, turned into inputs by {@code transform}. */
  public static Builder builder(LabeledImages images, ImageTransform transform) {
    return new Builder(images, transform);
  }

  @Override
  public Record get(NDManager manager, long index) {
    int i = Math.toIntExact(index);
    Random random = augmentation == Augmentation.NONE ? null : new Random(mix(seed, i, draws.getAndIncrement(i)));
    float[] values = transform.apply(images, i, augmentation, random);
    NDArray input = manager.create(values, inputShape);
    NDArray label = manager.create((float) images.label(i));
    return new Record(new NDList(input), new NDList(label));
  }

  /** A seed for the {@code draw}-th augmentation of record {@code index}: SplitMix64's finaliser over the three. */
  private static long mix(long seed, int index, int draw) {
    long z = seed * 0x9E3779B97F4A7C15L + ((long) index << 24) + draw;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
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
