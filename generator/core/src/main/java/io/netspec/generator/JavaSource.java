package io.netspec.generator;

import java.util.Objects;

/**
 * One generated compilation unit.
 *
 * @param packageName the package, e.g. {@code io.netspec.models.googlenet}
 * @param simpleName the top-level class, e.g. {@code Googlenet}
 * @param content the source text, UTF-8 when written
 */
public record JavaSource(String packageName, String simpleName, String content) {

  public JavaSource {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(simpleName, "simpleName");
    Objects.requireNonNull(content, "content");
  }

  /** {@code io.netspec.models.googlenet.Googlenet}. */
  public String qualifiedName() {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  /** The file's path below a source root, with {@code /}: {@code io/netspec/models/googlenet/Googlenet.java}. */
  public String relativePath() {
    return qualifiedName().replace('.', '/') + ".java";
  }
}
