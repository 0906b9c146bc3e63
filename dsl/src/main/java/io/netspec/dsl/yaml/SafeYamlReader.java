package io.netspec.dsl.yaml;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.diagnostics.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a spec file as a tree of YAML nodes with positions, safely: nothing is ever constructed from the
 * tree (no Java types, whatever the tags say), non-core tags are rejected, duplicate keys are left for the
 * binder to report, and the file size, aliases and nesting depth are bounded ({@link YamlLimits}): no more of
 * a file is read than a spec may have.
 */
public final class SafeYamlReader {

  private SafeYamlReader() {}

  /**
   * Reads one file.
   *
   * @param path the file
   * @param name how messages name the file
   * @throws SpecException when the file is not a regular file, too large, not UTF-8, not valid YAML or
   *     breaks a limit
   * @throws IOException when the file cannot be read (it does not exist, say)
   */
  public static YamlFile read(Path path, String name) throws SpecException, IOException {
    SourceLocation start = SourceLocation.ofFile(name);
    long size = Files.size(path); // a missing file is an IOException, not a mistake in a spec
    if (!Files.isRegularFile(path)) { // a folder, or a pipe or device that might never end
      throw new SpecException(start, "not a regular file: a spec is a file of YAML text");
    }
    if (size > YamlLimits.MAX_FILE_BYTES) {
      throw new SpecException(start, "the file has " + size + " bytes; a spec may have at most "
          + YamlLimits.MAX_FILE_BYTES);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return read(path, name, in);
    }
  }

  /**
   * Reads a spec from {@code in}, at most {@link YamlLimits#MAX_FILE_BYTES} and one byte more of it: a file
   * that grew since its size was asked, or a device that never ends, is not read any further.
   */
  static YamlFile read(Path path, String name, InputStream in) throws SpecException, IOException {
    byte[] bytes = in.readNBytes(YamlLimits.MAX_FILE_BYTES + 1);
    if (bytes.length > YamlLimits.MAX_FILE_BYTES) {
      throw new SpecException(SourceLocation.ofFile(name), "the file has more than "
          + YamlLimits.MAX_FILE_BYTES + " bytes; a spec may have at most " + YamlLimits.MAX_FILE_BYTES);
    }
    String text = SpecText.decode(bytes, name);
    try {
      List<Diagnostic> screened = EventScreen.screen(name, yaml().parse(new StringReader(text)));
      if (!screened.isEmpty()) {
        throw new SpecException(screened);
      }
      Node root = yaml().compose(new StringReader(text));
      return new YamlFile(path, name, bytes, root);
    } catch (YAMLException e) {
      throw new SpecException(List.of(YamlErrors.toDiagnostic(name, e)));
    }
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(YamlLimits.MAX_ALIASES);
    options.setNestingDepthLimit(YamlLimits.MAX_DEPTH + 1);
    options.setCodePointLimit(YamlLimits.MAX_FILE_BYTES);
    options.setProcessComments(false);
    return new Yaml(options);
  }
}
