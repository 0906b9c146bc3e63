package io.netspec.runtime.train;

import ai.djl.Model;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netspec.report.run.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of one run, {@code <parent>/<kind>-N}, with N one more than the highest existing one: a run
 * never overwrites another. Every file is written under a temporary name in the folder, then renamed into
 * place, so that a reader (or a crash) never sees half a file.
 */
public final class RunFolder {

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final Path path;

  private RunFolder(Path path) {
    this.path = path;
  }

  /** Creates the next free {@code <parent>/<kind>-N} folder, N from 1. */
  public static RunFolder create(Path parent, String kind) throws IOException {
    if (Files.exists(parent) && !Files.isDirectory(parent)) {
      throw new FileAlreadyExistsException(parent.toString(), null,
          "is a file, not a folder; give a folder to create the " + kind + "-N folder in");
    }
    try {
      Files.createDirectories(parent);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(e.getFile(), null, "is a file, not a folder");
    }
    int next = highestNumber(parent, kind) + 1;
    while (true) {
      try {
        return new RunFolder(Files.createDirectory(parent.resolve(kind + "-" + next)));
      } catch (FileAlreadyExistsException e) {
        next++; // another run took it meanwhile
      }
    }
  }

  /**
   * An existing folder, to add or replace files in (a resumed run, an evaluation's confusion matrix).
   *
   * @throws NoSuchFileException if it is not a folder
   */
  public static RunFolder open(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new NoSuchFileException(folder.toString(), null, "no such folder");
    }
    return new RunFolder(folder);
  }

  private static int highestNumber(Path parent, String kind) throws IOException {
    Pattern pattern = Pattern.compile(Pattern.quote(kind) + "-(\\d{1,9})");
    int highest = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      for (Path entry : entries) {
        Matcher m = pattern.matcher(entry.getFileName().toString());
        if (m.matches()) {
          highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
      }
    }
    return highest;
  }

  /**
   * The held-out files a run recorded in its {@link RunLayout#SPLIT} file (a flat image folder's drawn split), relative
   * to the data folder; empty if it recorded none.
   *
   * @throws IOException if the file is there but unreadable
   */
  public static Optional<List<String>> heldOutFiles(Path folder) throws IOException {
    Path file = folder.resolve(RunLayout.SPLIT);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonObject split = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
      if (!split.has("val")) {
        return Optional.empty();
      }
      List<String> files = new ArrayList<>();
      split.getAsJsonArray("val").forEach(name -> files.add(name.getAsString()));
      return Optional.of(files);
    } catch (RuntimeException e) {
      throw new IOException(file + ": unreadable (" + e.getMessage() + ")", e);
    }
  }

  public Path path() {
    return path;
  }

  /** Writes a UTF-8 text file atomically. */
  public void writeText(String name, String content) throws IOException {
    Files.createDirectories(path.resolve(name).getParent());
    writeBytes(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a binary file atomically. */
  public void writeBytes(String name, byte[] content) throws IOException {
    Path target = path.resolve(name);
    // not Files.createTempFile, which would leave the file readable by its owner only
    Path temporary = target.resolveSibling(RunLayout.temporaryFile(target.getFileName().toString()));
    try {
      Files.write(temporary, content);
      moveIntoPlace(temporary, target);
    } catch (IOException e) {
      throw named(target, e);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** An I/O error that names the file being written (the OS's "No space left on device" does not). */
  private static IOException named(Path target, IOException e) {
    String message = e.getMessage();
    if (message != null && message.contains(target.getFileName().toString())) {
      return e;
    }
    return new IOException(target + ": cannot be written (" + (message == null ? e.getClass().getSimpleName()
        : message) + "); the files written before it are intact", e);
  }

  /**
   * Removes what a killed writer may have left: temporary files and DJL's temporary parameter folders
   * ({@link RunLayout#isTemporary}). Call it only while holding the folder's lock.
   */
  void removeTemporaries() throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path entry : entries) {
        if (RunLayout.isTemporary(entry.getFileName().toString())) {
          deleteRecursively(entry);
        }
      }
    }
  }

  /** Whether the folder holds a complete epoch ({@code last.params}). */
  boolean hasEpoch() {
    return Files.isRegularFile(RunLayout.parameters(path, RunLayout.LAST));
  }

  /** Removes the folder and everything in it: a run that failed before its first epoch leaves nothing. */
  void delete() throws IOException {
    deleteRecursively(path);
  }

  /** Writes a pretty-printed JSON file atomically. */
  public void writeJson(String name, JsonElement json) throws IOException {
    writeText(name, GSON.toJson(json) + "\n");
  }

  /**
   * Saves the model's parameters as {@code <name>.params}: DJL writes them into a temporary folder, from which
   * the file is renamed into place. The name stays the same from epoch to epoch, so DJL's
   * {@code model.load(folder, prefix)}, which looks for {@code prefix-NNNN.params}, does not find it; load it
   * with {@code model.load(InputStream)}.
   */
  public void saveParameters(Model model, String name) throws IOException {
    Path target = path.resolve(RunLayout.parameterFile(name));
    Path temporary = Files.createTempDirectory(path, RunLayout.temporaryFolderPrefix(name));
    try {
      model.save(temporary, name);
      Path saved;
      try (Stream<Path> files = Files.list(temporary)) {
        saved = files.filter(f -> f.getFileName().toString().endsWith(".params")).findFirst()
            .orElseThrow(() -> new IOException("DJL saved no .params file into " + temporary));
      }
      moveIntoPlace(saved, target);
    } catch (IOException e) {
      throw named(target, e);
    } finally {
      deleteRecursively(temporary);
    }
  }

  private static void moveIntoPlace(Path source, Path target) throws IOException {
    Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
