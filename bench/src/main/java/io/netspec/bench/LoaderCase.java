package io.netspec.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import io.netspec.runtime.data.Augmentation;
import io.netspec.runtime.data.FolderOptions;
import io.netspec.runtime.data.HeldOut;
import io.netspec.runtime.data.ImageDataset;
import io.netspec.runtime.data.ImageFolder;
import io.netspec.runtime.data.ImageShape;
import io.netspec.runtime.data.ImageTransform;
import io.netspec.runtime.data.LabeledImages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * netspec's image loader alone, as training uses it: a flat folder of JPEGs decoded and resized to
 * {@code side x side} once ({@link ImageFolder}, on {@code workers} threads), then every epoch a random resized
 * crop to {@code crop x crop}, a random flip and normalisation per image, stacked into batches of 32 by DJL on
 * {@code workers} threads with prefetching ({@link ImageDataset}), each batch handed over as an NDArray. Prints
 * one JSON line per epoch: {@code {"epoch": 1, "seconds": ..., "images": ...}} (epoch 1 includes decoding).
 *
 * <p>Arguments: folder, side, crop, epochs, workers.
 */
public final class LoaderCase {

  private LoaderCase() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    int side = Integer.parseInt(args[1]);
    int crop = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    int workers = Integer.parseInt(args[4]);
    ExecutorService executor = Executors.newFixedThreadPool(workers);
    try (NDManager manager = NDManager.newBaseManager()) {
      long start = System.nanoTime();
      ImageFolder source = new ImageFolder(folder, new ImageShape(3, side, side),
          new FolderOptions(FolderOptions.DEFAULT_VAL_SPLIT, Optional.empty(), workers));
      LabeledImages images = source.load(HeldOut.ALL); // every image, as torchvision's ImageFolder reads them
      double decodeSeconds = (System.nanoTime() - start) / 1e9;
      ImageTransform transform = new ImageTransform(3, crop, crop, 0.45f, 0.25f);
      for (int epoch = 1; epoch <= epochs; epoch++) {
        long epochStart = System.nanoTime();
        ImageDataset dataset = ImageDataset.builder(images, transform).setSampling(32, true)
            .optAugmentation(Augmentation.CROP_FLIP, epoch).optPrefetchNumber(2 * workers).build();
        long seen = 0;
        for (Batch batch : dataset.getData(manager, executor)) {
          try (batch) {
            seen += batch.getSize();
          }
        }
        double seconds = (System.nanoTime() - epochStart) / 1e9 + (epoch == 1 ? decodeSeconds : 0);
        System.out.printf(Locale.ROOT, "{\"epoch\": %d, \"seconds\": %.3f, \"images\": %d}%n", epoch, seconds, seen);
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
