package io.netspec.runtime.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A folder of images in one of two layouts. {@code DIR/train/<class>/…} with {@code DIR/val/<class>/…} (and
 * optionally {@code DIR/test/<class>/…}): the classes are the subfolders of {@code train/} in sorted order,
 * and {@code val/} and {@code test/} must have the same ones. Or a flat {@code DIR/<class>/…}, as PyTorch's
 * {@code ImageFolder} reads it, of which a share of every class ({@link FolderOptions#valSplit()}, at least one
 * image of a class of two or more) is held out, drawn with the fixed seed {@value #SPLIT_SEED}; the held-out
 * files are recorded ({@link #splitRecord()}) so that {@code eval} and {@code --resume} use the same ones.
 * Images are the {@code .jpg}, {@code .jpeg} and {@code .png} files of a class folder and its subfolders.
 *
 * <p>DJL's own {@code ai.djl.basicdataset.cv.classification.ImageFolder} is not used: it lives in the
 * {@code basicdataset} artifact netspec does not otherwise need, reads only the flat layout, decodes every image
 * again on every access (an epoch of 224x224 photos would decode each JPEG once per epoch on the training
 * thread), and stops at the first unreadable file. Here every image of a split is decoded once, in parallel on
 * {@link FolderOptions#workers()} threads, converted to the network's channels and resized to
 * {@code height x width}; a file that cannot be decoded is skipped and recorded in {@link #skipped()}.
 */
public final class ImageFolder implements DataSource {

  /** The seed of a flat folder's train/held-out split, independent of the training seed. */
  public static final long SPLIT_SEED = 2017;

  /** The most classes an image folder can have: labels are kept as unsigned bytes. */
  static final int MAX_CLASSES = 256;

  /** The subfolders of the train/val layout. */
  static final String TRAIN = "train";
  static final String VAL = "val";
  static final String TEST = "test";

  private final Path directory;
  private final ImageShape shape;
  private final FolderOptions options;
  private final boolean flat;
  private final List<String> classNames;
  private final List<Entry> train;
  private final List<Entry> val;
  private final List<Entry> test;
  private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());

  /** One image file and its class index. */
  private record Entry(Path file, int label) {}

  /** Reads the folder with the default options (10% of a flat folder held out). */
  public ImageFolder(Path directory, ImageShape shape) throws DataException {
    this(directory, shape, FolderOptions.defaults());
  }

  /**
   * Reads the class folders of {@code directory} and lists its images.
   *
   * @param shape the channels and size images are converted to
   * @throws DataException if it has no class folder, or too many; if {@code val/} or {@code test/} have other
   *     classes than {@code train/}, or there is {@code train/} without {@code val/}; if a class folder holds no
   *     image
   */
  public ImageFolder(Path directory, ImageShape shape, FolderOptions options) throws DataException {
    this.directory = directory;
    this.shape = shape;
    this.options = options;
    Path trainFolder = directory.resolve(TRAIN);
    this.flat = !Files.isDirectory(trainFolder);
    this.classNames = classFolders(flat ? directory : trainFolder);
    if (classNames.isEmpty()) {
      throw new DataException(flat ? directory.toString() : trainFolder.toString(),
          "has no class folders (one subfolder per class)");
    }
    if (classNames.size() > MAX_CLASSES) {
      throw new DataException(directory.toString(), classNames.size() + " class folders; at most " + MAX_CLASSES);
    }
    if (flat) {
      ClassFolderRules.check(directory, classNames);
      List<List<Entry>> halves = drawSplit(entries(directory));
      this.train = halves.get(0);
      this.val = halves.get(1);
      this.test = List.of();
    } else {
      Path valFolder = directory.resolve(VAL);
      if (!Files.isDirectory(valFolder)) {
        throw new DataException(directory.toString(), "has train/ but no val/ folder; add val/<class>/ folders "
            + "beside train/, or put the class folders directly in " + directory + " to hold out --val-split");
      }
      ClassFolderRules.check(trainFolder, classNames);
      this.train = entries(trainFolder);
      this.val = entries(sameClasses(valFolder, trainFolder));
      Path testFolder = directory.resolve(TEST);
      this.test = Files.isDirectory(testFolder) ? entries(sameClasses(testFolder, trainFolder)) : List.of();
    }
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

  /** {@code folder}, if its class folders are those of {@code train}; else the differences, in one line. */
  private Path sameClasses(Path folder, Path trainFolder) throws DataException {
    List<String> classes = classFolders(folder);
    if (classes.equals(classNames)) {
      return folder;
    }
    Set<String> onlyHere = new TreeSet<>(classes);
    onlyHere.removeAll(classNames);
    Set<String> missing = new TreeSet<>(classNames);
    missing.removeAll(classes);
    String name = folder.getFileName().toString();
    List<String> differences = new ArrayList<>();
    if (!onlyHere.isEmpty()) {
      differences.add("only in " + name + "/: " + String.join(", ", onlyHere));
    }
    if (!missing.isEmpty()) {
      differences.add("missing from " + name + "/: " + String.join(", ", missing));
    }
    throw new DataException(folder.toString(), "its class folders differ from " + trainFolder + "'s ("
        + String.join("; ", differences) + "); the classes come from train/");
  }

  /** The images of every class folder of {@code folder}, class by class, each sorted by path. */
  private List<Entry> entries(Path folder) throws DataException {
    List<Entry> entries = new ArrayList<>();
    for (int c = 0; c < classNames.size(); c++) {
      Path classFolder = folder.resolve(classNames.get(c));
      List<Path> files = imageFiles(classFolder);
      if (files.isEmpty()) {
        throw new DataException(classFolder.toString(),
            "class folder holds no .jpg, .jpeg or .png image; remove it or add images");
      }
      for (Path file : files) {
        entries.add(new Entry(file, c));
      }
    }
    return entries;
  }

  /** The training and held-out halves of a flat folder: recorded by a run, or drawn now. */
  private List<List<Entry>> drawSplit(List<Entry> all) {
    List<Entry> trainPart = new ArrayList<>();
    List<Entry> valPart = new ArrayList<>();
    if (options.recordedVal().isPresent()) {
      Set<String> recorded = new HashSet<>(options.recordedVal().get());
      for (Entry entry : all) {
        (recorded.contains(relative(entry.file())) ? valPart : trainPart).add(entry);
      }
      return List.of(trainPart, valPart);
    }
    Random random = new Random(SPLIT_SEED);
    for (int c = 0; c < classNames.size(); c++) {
      int label = c;
      List<Entry> members = new ArrayList<>(all.stream().filter(e -> e.label() == label).toList());
      Collections.shuffle(members, random);
      int heldOut = members.size() < 2 ? 0
          : Math.min(members.size() - 1, Math.max(1, (int) Math.round(members.size() * options.valSplit())));
      valPart.addAll(members.subList(0, heldOut));
      trainPart.addAll(members.subList(heldOut, members.size()));
    }
    return List.of(trainPart, valPart);
  }

  /** A file's path relative to the folder, with {@code /} between names, as the split record holds it. */
  private String relative(Path file) {
    return directory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  @Override
  public String description() {
    return directory + (flat ? " (" + Math.round(options.valSplit() * 100) + "% held out)" : " (train/ + val/)");
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

  /** Whether this is a flat {@code DIR/<class>/} folder, split by {@link FolderOptions#valSplit()}. */
  public boolean isFlat() {
    return flat;
  }

  /**
   * The split, for the run folder: the layout, and for a flat folder the share, the seed and the held-out
   * files (relative to the folder), which {@link FolderOptions#withRecordedVal} reads back.
   */
  public JsonObject splitRecord() {
    JsonObject json = new JsonObject();
    json.addProperty("layout", flat ? "flat" : "train/val");
    json.addProperty("folder", directory.toString());
    if (flat) {
      json.addProperty("val_split", options.valSplit());
      json.addProperty("seed", SPLIT_SEED);
      JsonArray files = new JsonArray();
      val.stream().map(e -> relative(e.file())).sorted().forEach(files::add);
      json.add("val", files);
    }
    return json;
  }

  @Override
  public LabeledImages load(Split split) throws DataException {
    return decode(split == Split.TRAIN ? train : val);
  }

  @Override
  public LabeledImages load(HeldOut which) throws DataException {
    return switch (which) {
      case VAL -> decode(val);
      case TEST -> {
        if (test.isEmpty()) {
          throw new DataException(directory.toString(), "has no test/ folder; --split test needs "
              + "DIR/test/<class>/ beside train/ and val/");
        }
        yield decode(test);
      }
      case ALL -> decode(Stream.of(train, val, test).flatMap(List::stream).toList());
    };
  }

  @Override
  public String describe(HeldOut which) {
    return switch (which) {
      case VAL -> flat ? "the held-out " + Math.round(options.valSplit() * 100) + "% of " + directory
          : directory.resolve(VAL).toString();
      case TEST -> directory.resolve(TEST).toString();
      case ALL -> "every image of " + directory + (flat ? "" : " (train/, val/" + (test.isEmpty() ? "" : ", test/")
          + ")");
    };
  }

  /** Decodes the files on the worker threads, in a fixed shuffled order (so that --limit keeps every class). */
  private LabeledImages decode(List<Entry> entries) throws DataException {
    List<Entry> order = new ArrayList<>(entries);
    Collections.shuffle(order, new Random(SPLIT_SEED));
    int size = shape.channels() * shape.height() * shape.width();
    List<String> skippedHere = Collections.synchronizedList(new ArrayList<>());
    byte[][] decoded = decodeAll(order.stream().map(Entry::file).toList(), shape, options.workers(),
        skippedHere::add);
    skipped.addAll(skippedHere);
    SkippedImages.checkShare(directory.toString(), decoded.length, List.copyOf(skippedHere));
    int kept = (int) Stream.of(decoded).filter(d -> d != null).count();
    byte[] pixels = new byte[kept * size];
    byte[] classes = new byte[kept];
    int k = 0;
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i] != null) {
        System.arraycopy(decoded[i], 0, pixels, k * size, size);
        classes[k++] = (byte) order.get(i).label();
      }
    }
    return new LabeledImages(directory.toString(), shape.channels(), shape.height(), shape.width(), pixels,
        classes);
  }

  /**
   * Decodes image files on {@code workers} threads into {@code shape} ({@link ImageFiles#read}), in order; a file
   * that cannot be decoded is null in the result and its problem ({@code path: reason}) goes to {@code skipped}.
   */
  public static byte[][] decodeAll(List<Path> files, ImageShape shape, int workers, Consumer<String> skipped)
      throws DataException {
    byte[][] decoded = new byte[files.size()][];
    String[] problems = new String[files.size()];
    ForkJoinPool pool = new ForkJoinPool(workers);
    try {
      pool.submit(() -> IntStream.range(0, files.size()).parallel().forEach(i -> {
        try {
          decoded[i] = ImageFiles.read(files.get(i), shape.channels(), shape.height(), shape.width());
        } catch (DataException e) {
          problems[i] = e.getMessage();
        } catch (RuntimeException e) {
          problems[i] = files.get(i) + ": not a readable image (" + e + ")";
        }
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException(files.isEmpty() ? "" : files.get(0).toString(), "decoding was interrupted", e);
    } catch (ExecutionException e) {
      throw new DataException(files.isEmpty() ? "" : files.get(0).toString(), "cannot be decoded ("
          + e.getCause() + ")", e.getCause());
    } finally {
      pool.shutdown();
    }
    for (String problem : problems) {
      if (problem != null) {
        skipped.accept(problem); // in file order, whatever the threads
      }
    }
    return decoded;
  }

  private static List<Path> imageFiles(Path classFolder) throws DataException {
    try (Stream<Path> entries = Files.walk(classFolder)) {
      return entries.filter(Files::isRegularFile).filter(ClassFolderRules::isImageName)
          .filter(f -> !classFolder.relativize(f).toString().startsWith(".")).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new DataException(classFolder.toString(), "cannot be listed (" + e.getMessage() + ")", e);
    }
  }
}
