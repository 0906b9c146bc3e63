package io.netspec.runtime.data;

import java.util.List;
import java.util.Optional;

/**
 * How an image folder is read: the share of a flat {@code DIR/<class>/} folder held out for validation, the
 * split a run recorded (so that {@code eval} and {@code --resume} hold out the same images), and the threads
 * that decode images.
 *
 * @param valSplit the share of every class held out of a flat folder, above 0 and below 1
 * @param recordedVal the held-out files a run recorded, relative to the folder; empty to draw them
 * @param workers threads that decode images, at least 1
 */
public record FolderOptions(double valSplit, Optional<List<String>> recordedVal, int workers) {

  /** The share held out unless {@code --val-split} says otherwise. */
  public static final double DEFAULT_VAL_SPLIT = 0.1;

  public FolderOptions {
    if (!(valSplit > 0 && valSplit < 1)) {
      throw new IllegalArgumentException("--val-split must be above 0 and below 1, not " + valSplit);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, not " + workers);
    }
    recordedVal = recordedVal.map(List::copyOf);
  }

  /** The defaults: 10% held out, one decoding thread per core. */
  public static FolderOptions defaults() {
    return new FolderOptions(DEFAULT_VAL_SPLIT, Optional.empty(), defaultWorkers());
  }

  /** One thread per available core. */
  public static int defaultWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The same options with the held-out files a run recorded. */
  public FolderOptions withRecordedVal(List<String> files) {
    return new FolderOptions(valSplit, Optional.of(files), workers);
  }
}
