package io.netspec.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A folder of images with one subfolder per class, as PyTorch's {@code ImageFolder} reads it: classes are the
 * subfolder names in sorted order, images the {@code .jpg}, {@code .jpeg} and {@code .png} files in them.
 * {@value #HELD_OUT_PERCENT}% of every class (at least one image of a class of two or more) is held out, drawn
 * with the fixed seed {@value #SPLIT_SEED} so that training and a later {@code eval} see the same split.
 * Images are decoded in parallel, converted to the network's channels and resized to {@code height x width}
 * once, when a split is loaded; a file that cannot be decoded is skipped and recorded in {@link #skipped()}.
 */
public final class ImageFolder implements DataSource {

  /** The share of every class held out for validation, in percent. */
  public static final int HELD_OUT_PERCENT = 10;

  /** The seed of the train/held-out split, independent of the training seed. */
  public static final long SPLIT_SEED = 2017;

  /** The most classes an image folder can have: labels are kept as unsigned bytes. */
  static final int MAX_CLASSES = 256;

  private final Path directory;
  private final ImageShape shape;
  private final List<String> classNames;
  private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());

  /**
   * Reads the class folders of {@code directory}.
   *
   * @param shape the channels and size images are converted to
   * @throws DataException if it has no class folder, or too many
   */
  public ImageFolder(Path directory, ImageShape shape) throws DataException {
    this.directory = directory;
    this.shape = shape;
    this.classNames = classFolders(directory);
    if (classNames.isEmpty()) {
      throw new DataException(directory.toString(), "has no class folders (one subfolder per class)");
    }
    if (classNames.size() > MAX_CLASSES) {
      throw new DataException(directory.toString(), classNames.size() + " class folders; at most " + MAX_CLASSES);
    }
    ClassFolderRules.check(directory, classNames);
  }

  /** Whether {@code directory} has at least one subfolder: an image folder rather than an IDX one. */
  static boolean looksLikeOne(Path directory) throws DataException {
    return !classFolders(directory).isEmpty();
  }

  private static List<String> classFolders(Path directory) throws DataException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new DataException(directory.toString(), "cannot be listed (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String description() {
    return directory.toString();
  }

  @Override
  public String argument() {
    return directory.toString();
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public List<String> skipped() {
    synchronized (skipped) {
      return List.copyOf(skipped);
    }
  }

  @Override
  public LabeledImages load(Split split) throws DataException {
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    Random random = new Random(SPLIT_SEED);
    for (int c = 0; c < classNames.size(); c++) {
      List<Path> members = new ArrayList<>(imageFiles(directory.resolve(classNames.get(c))));
      Collections.shuffle(members, random);
      int heldOut = members.size() < 2 ? 0 : Math.max(1, Math.round(members.size() * HELD_OUT_PERCENT / 100f));
      List<Path> chosen = split == Split.TEST ? members.subList(0, heldOut) : members.subList(heldOut, members.size());
      files.addAll(chosen);
      labels.addAll(Collections.nCopies(chosen.size(), c));
    }
    List<Integer> order = new ArrayList<>(IntStream.range(0, files.size()).boxed().toList());
    Collections.shuffle(order, random); // so that --limit keeps every class
    return decode(order.stream().map(files::get).toList(), order.stream().map(labels::get).toList());
  }

  private LabeledImages decode(List<Path> files, List<Integer> labels) throws DataException {
    List<String> skippedHere = Collections.synchronizedList(new ArrayList<>());
    int size = shape.channels() * shape.height() * shape.width();
    byte[][] decoded = new byte[files.size()][];
    IntStream.range(0, files.size()).parallel().forEach(i -> {
      try {
        decoded[i] = ImageFiles.read(files.get(i), shape.channels(), shape.height(), shape.width());
      } catch (DataException e) {
        skippedHere.add(e.getMessage());
      }
    });
    skipped.addAll(skippedHere);
    SkippedImages.checkShare(description(), files.size(), List.copyOf(skippedHere));
    int kept = (int) Stream.of(decoded).filter(d -> d != null).count();
    byte[] pixels = new byte[kept * size];
    byte[] classes = new byte[kept];
    int k = 0;
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i] != null) {
        System.arraycopy(decoded[i], 0, pixels, k * size, size);
        classes[k++] = (byte) (int) labels.get(i);
      }
    }
    return new LabeledImages(description(), shape.channels(), shape.height(), shape.width(), pixels, classes);
  }

  private static List<Path> imageFiles(Path classFolder) throws DataException {
    try (Stream<Path> entries = Files.list(classFolder)) {
      return entries.filter(Files::isRegularFile).filter(ClassFolderRules::isImageName).sorted().toList();
    } catch (IOException e) {
      throw new DataException(classFolder.toString(), "cannot be listed (" + e.getMessage() + ")", e);
    }
  }
}
