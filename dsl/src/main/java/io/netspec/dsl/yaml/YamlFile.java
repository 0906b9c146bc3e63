package io.netspec.dsl.yaml;

import io.netspec.dsl.diagnostics.SourceLocation;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One spec file read by {@link SafeYamlReader}: its node tree (with positions) and its bytes. Immutable; the
 * node tree is SnakeYAML's and must not be changed by readers.
 */
public final class YamlFile {

  private final Path path;
  private final String name;
  private final byte[] bytes;
  private final Node root;

  YamlFile(Path path, String name, byte[] bytes, Node root) {
    this.path = Objects.requireNonNull(path, "path");
    this.name = Objects.requireNonNull(name, "name");
    this.bytes = bytes.clone();
    this.root = root;
  }

  /** The file's path, to resolve the specs it extends. */
  public Path path() {
    return path;
  }

  /** The file's name in messages: the path as the loader was given it or as an {@code extends} resolved it. */
  public String name() {
    return name;
  }

  /** The document's root node; empty for a file with no document (empty, or comments only). */
  public Optional<Node> root() {
    return Optional.ofNullable(root);
  }

  /** Where a node starts in this file. */
  public SourceLocation locate(Node node) {
    return locate(node.getStartMark());
  }

  /** A SnakeYAML position (0-based) as a 1-based location in this file. */
  public SourceLocation locate(Mark mark) {
    return mark == null
        ? SourceLocation.ofFile(name)
        : new SourceLocation(name, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Where the file begins, for mistakes of the file as a whole. */
  public SourceLocation start() {
    return SourceLocation.ofFile(name);
  }

  /** Feeds the file's exact bytes to a digest. */
  public void digestInto(MessageDigest digest) {
    digest.update(bytes);
  }

  @Override
  public String toString() {
    return name;
  }
}
