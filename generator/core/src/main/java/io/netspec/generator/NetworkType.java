package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.analysis.TensorShape;
import io.netspec.dsl.diagnostics.SourceLocation;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.NetworkSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits the network class of one spec, a subclass of {@code io.netspec.blocks.NetworkBlock}: its constructor adds
 * a block per main-path row, then one per auxiliary classifier, with a builder of typed options and a typed
 * accessor per row. What every network does the same way (forward, shapes, initialisation) is
 * {@code NetworkBlock}'s, written once.
 */
final class NetworkType {

  /**
   * Names a row's member must not take: what {@code AbstractBlock}, {@code NetworkBlock} and {@code Object}
   * declare without parameters or as fields, what the network class declares, and its methods' parameters.
   */
  private static final Set<String> RESERVED = Set.of(
      // Object, Block, AbstractBaseBlock, AbstractBlock
      "getClass", "hashCode", "toString", "clone", "finalize", "notify", "notifyAll", "wait",
      "getChildren", "getDirectParameters", "getParameters", "isInitialized", "clear", "describeInput",
      "getInputShapes", "getOutputDataTypes", "getCustomMetadata", "getOutputShapes", "initialize",
      "forward", "forwardInternal", "initializeChildBlocks", "prepare", "beforeInitialize", "cast",
      "saveParameters", "loadParameters", "saveMetadata", "loadMetadata", "setInitializer",
      "freezeParameters", "addChildBlock", "addParameter", "children", "parameters", "version",
      "inputShapes", "outputDataTypes", "inputNames",
      // NetworkBlock and the network's own members
      "builder", "numClasses", "hasAuxClassifiers", "auxLossWeights", "inputShape", "addRow",
      "addAuxClassifier", "requireAuxClassifier", "getTrainingOutputShapes", "precision",
      // parameters of the generated methods
      "attachedTo", "lossWeight");

  private final NetworkAnalysis analysis;
  private final NetworkSpec spec;
  private final ClassName self;
  private final ClassName builder;
  private final Optional<Dropout> headDropout;
  private final List<Row> rows = new ArrayList<>();
  private final List<Aux> auxes = new ArrayList<>();
  private final List<AuxFactory> auxFactories = new ArrayList<>();

  /** A main-path row with its figures, member name and block. */
  private record Row(RowFigures figures, String member, RowBlock block) {
    Layer layer() {
      return figures.layer();
    }
  }

  /** An auxiliary classifier with its figures, member name and rows (softmax aside). */
  private record Aux(AuxFigures figures, String member, List<Row> rows) {
    AuxClassifier classifier() {
      return figures.classifier();
    }
  }

  /**
   * A private factory method of the network class for the auxiliary classifiers that share one list of rows
   * (a YAML alias): they differ only in the row they read and their loss weight.
   *
   * @param name the method's name
   * @param classifiers the classifiers it builds, at least two, in spec order
   */
  private record AuxFactory(String name, List<Aux> classifiers) {
    Aux first() {
      return classifiers.get(0);
    }
  }

  private NetworkType(NetworkAnalysis analysis, String packageName) {
    this.analysis = analysis;
    this.spec = analysis.spec();
    this.self = ClassName.get(packageName, spec.className());
    this.builder = self.nestedClass("Builder");
    this.headDropout = spec.headDropout();
    RowBlocks blocks = new RowBlocks(CodeBlock.of("numClasses()"), headDropout.orElse(null),
        CodeBlock.of("builder.dropoutRate"));
    // the builder's dropout rate is the head's: an auxiliary classifier keeps the rates its rows give
    RowBlocks auxBlocks = new RowBlocks(CodeBlock.of("numClasses()"), null, CodeBlock.of(""));
    JavaNames names = JavaNames.reserving(RESERVED);
    for (RowFigures figures : analysis.rows()) {
      blocks.of(figures.layer())
          .ifPresent(block -> rows.add(new Row(figures, names.member(figures.layer().name()), block)));
    }
    for (AuxFigures figures : analysis.auxClassifiers()) {
      List<Row> auxRows = new ArrayList<>();
      for (RowFigures row : figures.rows()) {
        auxBlocks.of(row.layer()).ifPresent(block -> auxRows.add(new Row(row, row.layer().name(), block)));
      }
      auxes.add(new Aux(figures, names.member(figures.classifier().name()), auxRows));
    }
    // helper methods take their names last, so that no row's accessor changes name for them
    List<List<Aux>> shared = sharedRows(auxes);
    for (List<Aux> classifiers : shared) {
      String name = shared.size() == 1 && classifiers.size() == auxes.size()
          ? "aux_classifier"
          : "aux_classifier_like_" + classifiers.get(0).classifier().name();
      auxFactories.add(new AuxFactory(names.member(name), classifiers));
    }
  }

  /** The network class of the analysed spec, in the spec's package. */
  static NetworkType of(NetworkAnalysis analysis, String packageName) {
    return new NetworkType(analysis, packageName);
  }

  /** The groups of two or more classifiers with equal rows, in spec order; the others are left out. */
  private static List<List<Aux>> sharedRows(List<Aux> auxes) {
    List<List<Aux>> groups = new ArrayList<>();
    for (Aux aux : auxes) {
      groups.stream()
          .filter(group -> group.get(0).classifier().layers().equals(aux.classifier().layers()))
          .findFirst()
          .ifPresentOrElse(group -> group.add(aux), () -> groups.add(new ArrayList<>(List.of(aux))));
    }
    return groups.stream().filter(group -> group.size() > 1).map(List::copyOf).toList();
  }

  private Optional<AuxFactory> factoryOf(Aux aux) {
    return auxFactories.stream().filter(factory -> factory.classifiers().contains(aux)).findFirst();
  }

  private boolean hasAux() {
    return !auxes.isEmpty();
  }

  TypeSpec typeSpec() {
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(Djl.NETWORK_BLOCK)
        .addJavadoc(classJavadoc())
        .addFields(constants());
    rows.forEach(row -> type.addField(row.block().type(), row.member(), Modifier.PRIVATE, Modifier.FINAL));
    auxes.forEach(aux -> type.addField(Djl.AUX_CLASSIFIER, aux.member(), Modifier.PRIVATE, Modifier.FINAL));
    type.addMethod(constructor());
    auxFactories.forEach(factory -> type.addMethod(auxFactory(factory)));
    type.addMethod(BuilderMethods.builderFactory(builder, self.simpleName()));
    rows.forEach(row -> type.addMethod(rowAccessor(row)));
    auxes.forEach(aux -> type.addMethod(auxAccessor(aux)));
    return type.addType(builderType()).build();
  }

  private CodeBlock classJavadoc() {
    TensorShape input = analysis.input();
    String file = fileName();
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("The network of the spec $L, generated by netspec: edit the spec, not this file.\n",
            JavadocText.code(file));
    if (!spec.description().isBlank()) {
      doc.add("\n<p>$L\n", JavadocText.escape(spec.description()));
    }
    doc
        .add("\n<p>Input: {@code (N, $L, $L, $L)} images ($L); output: {@code (N, classes)} logits, "
            + "$L classes unless {@link Builder#optNumClasses(int)} says otherwise; no softmax is applied.\n",
            input.channels(), input.height(), input.width(), input, spec.classes());
    if (hasAux()) {
      doc.add("In training, the auxiliary classifiers' logits follow, in spec order.\n");
    }
    doc.add("\n<p>Children, in order: one per row of the spec's main path except {@code softmax}, named after the"
        + "\nrow");
    if (hasAux()) {
      doc.add(", then one per auxiliary classifier when they are enabled");
    }
    return doc.add(".\n").build();
  }

  /** {@code googlenet.yaml:16:5}: the file's name only, so that the output does not depend on folders. */
  private static String location(SourceLocation location) {
    Path name = Path.of(location.file()).getFileName();
    return JavadocText.escape((name == null ? location.file() : name.toString()) + ":" + location.line() + ":"
        + location.column());
  }

  private String fileName() {
    return NetworkGenerator.fileName(spec);
  }

  private List<FieldSpec> constants() {
    TensorShape input = analysis.input();
    Modifier[] constant = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};
    return List.of(
        FieldSpec.builder(String.class, "SPEC_FILE", constant)
            .addJavadoc("The spec this class was generated from.\n")
            .initializer("$S", fileName())
            .build(),
        FieldSpec.builder(String.class, "SPEC_SHA256", constant)
            .addJavadoc("SHA-256 of the spec's bytes and of every spec it extends, child first.\n")
            .initializer("$S", spec.sha256())
            .build(),
        FieldSpec.builder(Djl.SHAPE, "INPUT_SHAPE", constant)
            .addJavadoc("The input of one example: channels, height, width.\n")
            .initializer("$L", RowBlocks.shape(input.channels(), input.height(), input.width()))
            .build(),
        FieldSpec.builder(int.class, "DEFAULT_CLASSES", constant)
            .addJavadoc("The number of classes when the builder does not set it.\n")
            .initializer("$L", spec.classes())
            .build());
  }

  private MethodSpec constructor() {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder")
        .addStatement("super(INPUT_SHAPE, builder.numClasses)");
    for (Row row : rows) {
      constructor.addStatement("$L = addRow($S, $L)", row.member(), row.layer().name(), row.block().construction());
    }
    if (hasAux()) {
      constructor.beginControlFlow("if (builder.auxClassifiers)");
      auxes.forEach(aux -> constructor.addStatement("$L = addAuxClassifier($S, $L)", aux.member(),
          aux.classifier().name(), auxConstruction(aux)));
      constructor.nextControlFlow("else");
      auxes.forEach(aux -> constructor.addStatement("$L = null", aux.member()));
      constructor.endControlFlow();
    }
    return constructor.build();
  }

  /** A call of the classifier's factory, or its builder chain when its rows are its own. */
  private CodeBlock auxConstruction(Aux aux) {
    AuxClassifier classifier = aux.classifier();
    CodeBlock after = CodeBlock.of("$S", classifier.after());
    CodeBlock lossWeight = CodeBlock.of("$L", RowBlocks.floatLiteral(classifier.lossWeight()));
    return factoryOf(aux)
        .map(factory -> CodeBlock.of("$N($L, $L)", factory.name(), after, lossWeight))
        .orElseGet(() -> auxBuilder(aux, after, lossWeight));
  }

  /** {@code AuxClassifier.builder()}, the row it reads, its loss weight, its rows, {@code .build()}. */
  private CodeBlock auxBuilder(Aux aux, CodeBlock after, CodeBlock lossWeight) {
    CodeBlock.Builder construction = CodeBlock.builder()
        .add("$T.builder()\n", Djl.AUX_CLASSIFIER)
        .add(".setAttachedTo($L)\n", after)
        .add(".optLossWeight($L)\n", lossWeight);
    for (Row row : aux.rows()) {
      construction.add(".add($S, ", row.layer().name())
          .indent().indent().add(row.block().construction()).unindent().unindent()
          .add(")\n");
    }
    return construction.add(".build()").build();
  }

  private MethodSpec rowAccessor(Row row) {
    Layer layer = row.layer();
    RowFigures figures = row.figures();
    return MethodSpec.methodBuilder(row.member())
        .addModifiers(Modifier.PUBLIC)
        .returns(row.block().type())
        .addJavadoc("The row {@code $L}, $L to $L, from $L:\n<pre>$L</pre>\n",
            layer.name(), figures.input(), figures.output(), location(layer.location()),
            JavadocText.escape(layer.source()))
        .addStatement("return $L", row.member())
        .build();
  }

  /**
   * {@code private AuxClassifier auxClassifier(String attachedTo, float lossWeight)}:
   * the builder chain of classifiers that share their rows, written once.
   */
  private MethodSpec auxFactory(AuxFactory factory) {
    Aux first = factory.first();
    String attachedTo = "attachedTo";
    String lossWeight = "lossWeight";
    CodeBlock.Builder users = CodeBlock.builder();
    for (int i = 0; i < factory.classifiers().size(); i++) {
      users.add(i == 0 ? "$L" : i == factory.classifiers().size() - 1 ? " and $L" : ", $L",
          "{@link #" + factory.classifiers().get(i).member() + "()}");
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder(factory.name())
        .addModifiers(Modifier.PRIVATE)
        .returns(Djl.AUX_CLASSIFIER)
        .addParameter(String.class, attachedTo)
        .addParameter(float.class, lossWeight)
        .addJavadoc("An auxiliary classifier with the rows that $L share, from\n$L:\n<pre>\n$L</pre>\n\n"
                + "@param $L the main-path row whose output it reads\n"
                + "@param $L the weight of its loss in training\n",
            users.build(), location(first.classifier().location()), rowsDoc(first), attachedTo, lossWeight);
    return method.addJavadoc("@return the classifier\n")
        .addStatement("return $L",
            auxBuilder(first, CodeBlock.of("$L", attachedTo), CodeBlock.of("$L", lossWeight)))
        .build();
  }

  /** The rows of a classifier as the spec writes them, softmax included, one per line. */
  private static CodeBlock rowsDoc(Aux aux) {
    CodeBlock.Builder rowsDoc = CodeBlock.builder();
    for (RowFigures row : aux.figures().rows()) {
      rowsDoc.add("$L\n", JavadocText.escape(row.layer().source()));
    }
    return rowsDoc.build();
  }

  private MethodSpec auxAccessor(Aux aux) {
    AuxClassifier classifier = aux.classifier();
    // rows shared with other classifiers are quoted once, by their factory
    CodeBlock rowsDoc = factoryOf(aux)
        .map(factory -> CodeBlock.of(" Its rows: see {@link #$L}.\n", factory.name()))
        .orElseGet(() -> CodeBlock.of(" Its rows:\n<pre>\n$L</pre>\n", rowsDoc(aux)));
    MethodSpec.Builder accessor = MethodSpec.methodBuilder(aux.member())
        .addModifiers(Modifier.PUBLIC)
        .returns(Djl.AUX_CLASSIFIER)
        .addJavadoc("The auxiliary classifier {@code $L}, from $L: on the output of {@code $L} ($L), its loss"
                + " weighted $L in training.$L\n@return the classifier\n"
                + "@throws IllegalStateException if the network was built without auxiliary classifiers\n",
            classifier.name(), location(classifier.location()), classifier.after(),
            aux.figures().input(), RowBlocks.floatLiteral(classifier.lossWeight()).replace("f", ""),
            rowsDoc);
    return accessor.addStatement("return requireAuxClassifier($L)", aux.member()).build();
  }

  private TypeSpec builderType() {
    CodeBlock none = CodeBlock.of("");
    FieldSpec classes = BuilderMethods.field(TypeName.INT, "numClasses", CodeBlock.of("DEFAULT_CLASSES"));
    FieldSpec aux = BuilderMethods.field(TypeName.BOOLEAN, "auxClassifiers", CodeBlock.of("$L", hasAux()));
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}.\n", self)
        .addField(classes)
        .addField(aux);
    headDropout.ifPresent(dropout -> type.addField(BuilderMethods.field(TypeName.FLOAT, "dropoutRate",
        CodeBlock.of(RowBlocks.floatLiteral(dropout.rate())))));
    type.addMethod(BuilderMethods.constructor())
        .addMethod(BuilderMethods.setter(builder, "optNumClasses", classes,
            "Sets the number of classes, the width of the rows written {@code units: classes} ("
                + spec.classes() + ", the spec's, when not set).", "the number of classes",
            BuilderMethods.require("numClasses >= 1", "the number of classes must be positive: ", classes)))
        .addMethod(BuilderMethods.setter(builder, "optAuxClassifiers", aux, hasAux()
                ? "Sets whether the auxiliary classifiers are built and run in training (true when not set)."
                : "Has no effect: the spec has no auxiliary classifiers.",
            "whether to build the auxiliary classifiers", none));
    headDropout.ifPresent(dropout -> {
      FieldSpec rate = BuilderMethods.field(TypeName.FLOAT, "dropoutRate", none);
      type.addMethod(BuilderMethods.setter(builder, "optDropoutRate", rate,
          "Sets the rate of the head's dropout row {@code " + dropout.name() + "} ("
              + RowBlocks.floatLiteral(dropout.rate()).replace("f", "") + ", the spec's, when not set).",
          "the rate, at least 0 and below 1",
          BuilderMethods.require("dropoutRate >= 0 && dropoutRate < 1", "the rate must be in [0, 1): ", rate)));
    });
    return type.addMethod(MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addJavadoc("Builds the network; {@code initialize} it before use.\n\n@return the network\n")
            .addStatement("return new $T(this)", self)
            .build())
        .build();
  }
}
