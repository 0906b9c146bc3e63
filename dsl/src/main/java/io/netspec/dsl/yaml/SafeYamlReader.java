package io.netspec.dsl.yaml;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.diagnostics.SpecException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * binder to report, and the file size, aliases and nesting depth are bounded ({@link YamlLimits}).
 */
public final class SafeYamlReader {

  private SafeYamlReader() {}

  /**
   * Reads one file.
   *
   * @param path the file
   * @param name how messages name the file
   * @throws SpecException when the file is too large, not UTF-8, not valid YAML or breaks a limit
   * @throws IOException when the file cannot be read
   */
  public static YamlFile read(Path path, String name) throws SpecException, IOException {
    SourceLocation start = SourceLocation.ofFile(name);
    long size = Files.size(path);
    if (size > YamlLimits.MAX_FILE_BYTES) {
      throw new SpecException(start, "the file has " + size + " bytes; a spec may have at most "
          + YamlLimits.MAX_FILE_BYTES);
    }
    byte[] bytes = Files.readAllBytes(path);
    String text = decode(bytes, start);
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

  private static String decode(byte[] bytes, SourceLocation start) throws SpecException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SpecException(start, "the file is not UTF-8 text");
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
