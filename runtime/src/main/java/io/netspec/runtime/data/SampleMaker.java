package io.netspec.runtime.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Draws a seeded, class-balanced sample of a labelled image set and writes it as an IDX folder: the tool
 * behind {@code netspec make-sample}, which made the embedded sample.
 */
public final class SampleMaker {

  private SampleMaker() {}

  /**
   * Draws {@code perClass} images of every class, uniformly at random with the given seed, and keeps them
   * in their original order.
   *
   * @throws DataException if a class has fewer than {@code perClass} images
   */
  public static LabeledImages balancedSample(LabeledImages all, int classes, int perClass, long seed)
      throws DataException {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < all.count(); i++) {
      byClass.get(all.label(i)).add(i);
    }
    Random random = new Random(seed);
    List<Integer> chosen = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      List<Integer> members = byClass.get(c);
      if (members.size() < perClass) {
        throw new DataException(all.source(),
            "class " + c + " has " + members.size() + " images, fewer than the " + perClass + " asked for");
      }
      Collections.shuffle(members, random);
      chosen.addAll(members.subList(0, perClass));
    }
    Collections.sort(chosen);
    return all.select(chosen.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Writes one split as two gzip-compressed IDX files in {@code directory}, each via a temporary file. */
  public static void write(LabeledImages images, Path directory, Split split) throws IOException {
    Files.createDirectories(directory);
    writeIdx(new IdxArray(new int[] {images.count(), images.height(), images.width()}, images.pixels()),
        directory.resolve(split.imagesFile() + ".gz"));
    writeIdx(new IdxArray(new int[] {images.count()}, images.labels()),
        directory.resolve(split.labelsFile() + ".gz"));
  }

  private static void writeIdx(IdxArray array, Path target) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      IdxFormat.write(array, out, true);
    }
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
