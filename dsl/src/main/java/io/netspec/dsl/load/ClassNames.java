package io.netspec.dsl.load;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.spec.NetworkSpec;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The generated class's name from a spec's file name: PascalCase of the name without {@code .yaml}, each part
 * between {@code -} and {@code _} starting upper case ({@code googlenet-fashion.yaml} → {@code GooglenetFashion}),
 * in the package of that name in lower case ({@code googlenetfashion}), below the generator's base package. The
 * names the generator gives its own classes are kept here, so that the loader refuses a file name that would
 * clash with them; the generator's tests check that its classes agree.
 */
public final class ClassNames {

  /** The class nested in every generated network class, which builds it. */
  public static final String BUILDER_CLASS = "Builder";

  /**
   * The module classes the generator writes into a spec's package beside the network class, when the spec
   * uses them (the generator's {@code ModuleKind}).
   */
  public static final List<String> MODULE_CLASSES = List.of(
      "ConvolutionUnit", "InceptionModule", "AuxClassifier", "LocalResponseNorm", "AdaptiveAvgPool", "MaxPool");

  private static final String EXTENSION = ".yaml";
  private static final Pattern BASE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private ClassNames() {}

  /** The class name, if the file name gives one: letters, digits, '-' and '_', a letter first, and .yaml. */
  static Optional<String> of(String fileName) {
    if (!fileName.endsWith(EXTENSION)) {
      return Optional.empty();
    }
    String base = fileName.substring(0, fileName.length() - EXTENSION.length());
    if (!BASE_NAME.matcher(base).matches()) {
      return Optional.empty();
    }
    StringBuilder name = new StringBuilder();
    for (String part : base.split("[-_]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
      }
    }
    return Optional.of(name.toString());
  }

  /**
   * The last part of a spec's package: its class name in lower case,
   * {@code GooglenetFashion} → {@code googlenetfashion}.
   */
  public static String packageName(String className) {
    return className.toLowerCase(Locale.ROOT);
  }

  /**
   * Why the generated code cannot use {@code className}, if it cannot: its package would be a Java keyword,
   * the class would hide a type of {@code java.lang}, which every generated source uses without importing it
   * ({@code String}, {@code Override}), or it would be named like a class the generator writes itself: the
   * network's nested {@value #BUILDER_CLASS}, or a module class of its package (also in another letter case,
   * which is the same file where file names ignore case).
   *
   * @return the reason, completing "the file name '...' gives"
   */
  static Optional<String> unusable(String className) {
    String packageName = packageName(className);
    if (NameRules.reserved(packageName)) {
      return Optional.of("package '" + packageName + "', a Java keyword or literal");
    }
    if (className.equals(BUILDER_CLASS)) {
      return Optional.of("class " + className + ", the name of the builder class nested in every generated"
          + " network class");
    }
    for (String module : MODULE_CLASSES) {
      if (module.equalsIgnoreCase(className)) {
        return Optional.of("class " + className + ", " + (module.equals(className) ? "" : "in another letter"
            + " case ") + "the name of the module class " + module + " generated in the same package");
      }
    }
    return javaLangType(className)
        .map(type -> "class " + className + ", which would hide " + type + " in the generated code");
  }

  /**
   * The specs of {@code specs} that would be generated into the package of another one, when all are generated
   * together: one mistake for each, at its file's start, naming the file that keeps the package (the first in
   * the order of file names, as the generator writes them).
   */
  public static List<Diagnostic> packageClashes(List<NetworkSpec> specs) {
    List<NetworkSpec> sorted = new ArrayList<>(specs);
    sorted.sort(Comparator.comparing((NetworkSpec spec) -> fileName(spec.file())).thenComparing(NetworkSpec::file));
    Map<String, NetworkSpec> owners = new HashMap<>();
    List<Diagnostic> clashes = new ArrayList<>();
    for (NetworkSpec spec : sorted) {
      String packageName = packageName(spec.className());
      NetworkSpec owner = owners.putIfAbsent(packageName, spec);
      if (owner != null) {
        clashes.add(new Diagnostic(SourceLocation.ofFile(spec.file()), owner.file().equals(spec.file())
            ? "the spec is given twice; give each spec once"
            : "the file name '" + fileName(spec.file()) + "' gives package '" + packageName
                + "', the same package as " + owner.file() + "; rename one of the files"));
      }
    }
    return clashes;
  }

  private static String fileName(String file) {
    Path name = Path.of(file).getFileName();
    return name == null ? file : name.toString();
  }

  /** The public type {@code java.lang.<simpleName>} of the running Java, if there is one. */
  private static Optional<String> javaLangType(String simpleName) {
    try {
      Class<?> type = Class.forName("java.lang." + simpleName, false, null); // not initialised
      return Modifier.isPublic(type.getModifiers()) ? Optional.of(type.getName()) : Optional.empty();
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }
}
