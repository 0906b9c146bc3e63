package io.netspec.runtime.data;

import java.util.List;

/**
 * The training and held-out images of one run, with the pixel statistics that normalise both (taken from the
 * training images only).
 *
 * @param source where they came from
 * @param train the training images
 * @param test the held-out images, scored after every epoch
 * @param statistics pixel mean and standard deviation of the training images
 * @param limit the most images kept of each split; 0 for all
 */
public record TrainingData(DataSource source, LabeledImages train, LabeledImages test,
    LabeledImages.PixelStatistics statistics, int limit) {

  /**
   * Loads both splits of {@code source}.
   *
   * @param limit keep at most this many images of each split; 0 or less keeps all
   */
  public static TrainingData load(DataSource source, int limit) throws DataException {
    LabeledImages train = source.load(Split.TRAIN);
    LabeledImages test = source.load(Split.TEST);
    if (limit > 0) {
      train = train.limit(limit);
      test = test.limit(limit);
    }
    if (train.count() == 0 || test.count() == 0) {
      throw new DataException(source.description(), emptySplitProblem(source, train.count() == 0));
    }
    return new TrainingData(source, train, test, train.statistics(), Math.max(0, limit));
  }

  /** Why a split came out empty: no images at all, all skipped, or too few per class to hold any out. */
  private static String emptySplitProblem(DataSource source, boolean training) {
    int skipped = source.skipped().size();
    if (skipped > 0) {
      return "every image file of the " + (training ? "training" : "held-out") + " split was unreadable ("
          + skipped + " skipped, named above; the first: " + source.skipped().get(0) + ")";
    }
    return training ? "holds no training images"
        : "holds no held-out images: a class needs at least 2 images for one to be held out";
  }

  /** The class names, by class index. */
  public List<String> classNames() {
    return source.classNames();
  }

  /** The transform from these images to a network's {@code channels x height x width} input. */
  public ImageTransform transformFor(int channels, int height, int width) {
    return new ImageTransform(channels, height, width, statistics.mean(), statistics.std());
  }
}
