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
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The naming rules of generated code, in one place: the loader, the generator and the Maven plugin call them.
 * <ul>
 *   <li>the class: PascalCase of the spec's file name without {@code .yaml}, each part between {@code -} and
 *       {@code _} starting upper case ({@code googlenet-fashion.yaml} → {@code GooglenetFashion});
 *   <li>its package: that name in lower case ({@code googlenetfashion}) below the generator's base package,
 *       one per spec ({@link #specPackage}, {@link #packageClashes});
 *   <li>reserved names: Java's keywords and literals ({@link #reserved}), the nested {@value #BUILDER_CLASS},
 *       the classes of {@code io.netspec.blocks} that generated code imports, and {@code java.lang}'s types
 *       ({@link #unusable});
 *   <li>accessors: lowerCamelCase of a row's name ({@link #accessorName}).
 * </ul>
 */
public final class ClassNames {

  /** The class nested in every generated network class, which builds it. */
  public static final String BUILDER_CLASS = "Builder";

  /**
   * The classes of the blocks library ({@code io.netspec.blocks}) that generated network classes import; a
   * network class of the same simple name would have to spell them out in full.
   */
  public static final List<String> BLOCK_CLASSES = List.of(
      "ConvolutionUnit", "InceptionModule", "AuxClassifier", "LocalResponseNorm", "AdaptiveAvgPool", "MaxPool",
      "NetworkBlock");

  /** Java's keywords, its literals and the restricted identifiers of Java 17. */
  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
      "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
      "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
      "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
      "true", "false", "null", "var", "yield", "record", "sealed", "permits");

  private static final String EXTENSION = ".yaml";
  private static final Pattern BASE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private ClassNames() {}

  /** Whether {@code word} is a Java keyword, literal or restricted identifier, which no Java name may be. */
  public static boolean reserved(String word) {
    return RESERVED.contains(word);
  }

  /** The accessor of a row: {@code inception_3a} → {@code inception3a}, {@code fc_out} → {@code fcOut}. */
  public static String accessorName(String rowName) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : rowName.toCharArray()) {
      if (c == '_') {
        upper = camel.length() > 0;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }

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
   * The package of one spec's class: {@code basePackage}, a dot, {@link #packageName}.
   *
   * @throws IllegalArgumentException if {@code className} is no usable class name or the result no package name
   */
  public static String specPackage(String basePackage, String className) {
    if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)
        || !Character.isUpperCase(className.charAt(0))) {
      throw new IllegalArgumentException("not a Java class name: '" + className + "'");
    }
    String specPackage = basePackage + "." + packageName(className);
    requirePackageName(specPackage);
    return specPackage;
  }

  /**
   * Checks a base package given to the generator or the plugin.
   *
   * @throws IllegalArgumentException if it is not a Java package name
   */
  public static void requirePackageName(String packageName) {
    if (!SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
    }
  }

  /**
   * Why the generated code cannot use {@code className}, if it cannot: its package would be a Java keyword,
   * the class would hide a type of {@code java.lang}, which every generated source uses without importing it
   * ({@code String}, {@code Override}), or it would be named like the network's nested
   * {@value #BUILDER_CLASS} or a block class the generated code imports ({@link #BLOCK_CLASSES}).
   *
   * @return the reason, completing "the file name '...' gives"
   */
  public static Optional<String> unusable(String className) {
    String packageName = packageName(className);
    if (reserved(packageName)) {
      return Optional.of("package '" + packageName + "', a Java keyword or literal");
    }
    if (className.equals(BUILDER_CLASS)) {
      return Optional.of("class " + className + ", the name of the builder class nested in every generated"
          + " network class");
    }
    if (BLOCK_CLASSES.contains(className)) {
      return Optional.of("class " + className + ", the name of the block class io.netspec.blocks." + className
          + " that generated code uses");
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
