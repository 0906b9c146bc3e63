package io.netspec.generator;

import com.squareup.javapoet.ArrayTypeName;
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
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.NetworkSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits the network class of one spec: a child block per main-path row, then one per auxiliary classifier,
 * with a builder of typed options and a typed accessor per row.
 */
final class NetworkType {

  /**
   * Names a row's member must not take: what {@code AbstractBlock} and {@code Object} declare without
   * parameters or as fields, what the network class declares, and the locals of its methods.
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
      // the network's own members
      "builder", "numClasses", "hasAuxClassifiers", "auxLossWeights", "auxClassifiers",
      "getTrainingOutputShapes",
      // parameters and locals of the generated methods
      "parameterStore", "inputs", "training", "params", "manager", "dataType", "x", "auxLogits",
      "outputs", "batch", "input", "advance");

  private static final String BATCH = "batch";

  private final NetworkAnalysis analysis;
  private final NetworkSpec spec;
  private final ModuleTypes types;
  private final ClassName self;
  private final ClassName builder;
  private final FieldSpec numClasses;
  private final FieldSpec auxClassifiers;
  private final Optional<Dropout> headDropout;
  private final List<Row> rows = new ArrayList<>();
  private final List<Aux> auxes = new ArrayList<>();
  private final List<AuxFactory> auxFactories = new ArrayList<>();
  private final String requireAux;
  private final Set<ModuleKind> modules = EnumSet.noneOf(ModuleKind.class);

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
   * A private static factory of the network class for the auxiliary classifiers that share one list of rows
   * (a YAML alias): they differ only in the row they read and their loss weight.
   *
   * @param name the method's name
   * @param classifiers the classifiers it builds, at least two, in spec order
   * @param takesClasses whether a row is written {@code units: classes}, so that it takes the number of
   *     classes
   */
  private record AuxFactory(String name, List<Aux> classifiers, boolean takesClasses) {
    Aux first() {
      return classifiers.get(0);
    }
  }

  private NetworkType(NetworkAnalysis analysis, ModuleTypes types) {
    this.analysis = analysis;
    this.spec = analysis.spec();
    this.types = types;
    this.self = ClassName.get(types.packageName(), spec.className());
    this.builder = self.nestedClass("Builder");
    this.numClasses = FieldSpec.builder(int.class, "numClasses", Modifier.PRIVATE, Modifier.FINAL).build();
    this.auxClassifiers =
        FieldSpec.builder(boolean.class, "auxClassifiers", Modifier.PRIVATE, Modifier.FINAL).build();
    this.headDropout = headDropout(spec.layers());
    RowBlocks blocks = new RowBlocks(types, CodeBlock.of("$N", numClasses), headDropout.orElse(null),
        CodeBlock.of("builder.dropoutRate"));
    // the builder's dropout rate is the head's: an auxiliary classifier keeps the rates its rows give
    RowBlocks auxBlocks = new RowBlocks(types, CodeBlock.of("$N", numClasses), null, CodeBlock.of(""));
    JavaNames names = JavaNames.reserving(RESERVED);
    for (RowFigures figures : analysis.rows()) {
      blocks.of(figures.layer()).ifPresent(block -> {
        rows.add(new Row(figures, names.member(figures.layer().name()), block));
        modules.addAll(block.modules());
      });
    }
    for (AuxFigures figures : analysis.auxClassifiers()) {
      List<Row> auxRows = new ArrayList<>();
      for (RowFigures row : figures.rows()) {
        auxBlocks.of(row.layer()).ifPresent(block -> {
          auxRows.add(new Row(row, row.layer().name(), block));
          modules.addAll(block.modules());
        });
      }
      modules.add(ModuleKind.AUX_CLASSIFIER);
      auxes.add(new Aux(figures, names.member(figures.classifier().name()), auxRows));
    }
    // helper methods take their names last, so that no row's accessor changes name for them
    List<List<Aux>> shared = sharedRows(auxes);
    for (List<Aux> classifiers : shared) {
      String name = shared.size() == 1 && classifiers.size() == auxes.size()
          ? "aux_classifier"
          : "aux_classifier_like_" + classifiers.get(0).classifier().name();
      boolean takesClasses = classifiers.get(0).rows().stream()
          .anyMatch(row -> row.layer() instanceof Linear linear && linear.toClasses());
      auxFactories.add(new AuxFactory(names.member(name), classifiers, takesClasses));
    }
    this.requireAux = auxes.size() > 1 ? names.member("require_aux_classifier") : null;
  }

  /** The network class of the analysed spec, in the package of {@code types}. */
  static NetworkType of(NetworkAnalysis analysis, ModuleTypes types) {
    return new NetworkType(analysis, types);
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

  /** The module classes the network uses, each to be written once into its package. */
  Set<ModuleKind> modules() {
    return EnumSet.copyOf(modules);
  }

  /** The dropout row of the head, whose rate the builder may change: the last dropout of the main path. */
  private static Optional<Dropout> headDropout(List<Layer> layers) {
    Dropout last = null;
    for (Layer layer : layers) {
      if (layer instanceof Dropout dropout) {
        last = dropout;
      }
    }
    return Optional.ofNullable(last);
  }

  private boolean hasAux() {
    return !auxes.isEmpty();
  }

  TypeSpec typeSpec() {
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(Djl.ABSTRACT_BLOCK)
        .addJavadoc(classJavadoc())
        .addFields(constants())
        .addField(BlockMethods.version());
    rows.forEach(row -> type.addField(row.block().type(), row.member(), Modifier.PRIVATE, Modifier.FINAL));
    auxes.forEach(aux -> type.addField(types.of(ModuleKind.AUX_CLASSIFIER), aux.member(), Modifier.PRIVATE,
        Modifier.FINAL));
    type.addField(numClasses);
    if (hasAux()) {
      type.addField(auxClassifiers);
    }
    type.addMethod(constructor());
    auxFactories.forEach(factory -> type.addMethod(auxFactory(factory)));
    type.addMethod(BuilderMethods.builderFactory(builder, self.simpleName()));
    rows.forEach(row -> type.addMethod(rowAccessor(row)));
    auxes.forEach(aux -> type.addMethod(auxAccessor(aux)));
    if (requireAux != null) {
      type.addMethod(requireAuxMethod());
    }
    return type.addMethod(BlockMethods.accessor(numClasses,
            "The number of classes the network scores.\n\n@return the number of classes"))
        .addMethod(hasAuxClassifiers())
        .addMethod(auxLossWeights())
        .addMethod(forward())
        .addMethod(advance())
        .addMethod(outputShapes())
        .addMethod(trainingOutputShapes())
        .addMethod(initializeChildBlocks())
        .addType(builderType())
        .build();
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
      doc.add("In training, the auxiliary classifiers' logits follow, in spec order (see {@link "
          + "#forwardInternal}).\n");
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
        .addStatement("super(VERSION)")
        .addStatement("$N = builder.numClasses", numClasses);
    if (hasAux()) {
      constructor.addStatement("$N = builder.auxClassifiers", auxClassifiers);
    }
    for (Row row : rows) {
      constructor.addStatement("$L = addChildBlock($S, $L)", row.member(), row.layer().name(),
          row.block().construction());
    }
    if (hasAux()) {
      constructor.beginControlFlow("if ($N)", auxClassifiers);
      auxes.forEach(aux -> constructor.addStatement("$L = addChildBlock($S, $L)", aux.member(),
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
        .map(factory -> factory.takesClasses()
            ? CodeBlock.of("$N($L, $L, $N)", factory.name(), after, lossWeight, numClasses)
            : CodeBlock.of("$N($L, $L)", factory.name(), after, lossWeight))
        .orElseGet(() -> auxBuilder(aux, after, lossWeight));
  }

  /** {@code AuxClassifier.builder()}, the row it reads, its loss weight, its rows, {@code .build()}. */
  private CodeBlock auxBuilder(Aux aux, CodeBlock after, CodeBlock lossWeight) {
    CodeBlock.Builder construction = CodeBlock.builder()
        .add("$T.builder()\n", types.of(ModuleKind.AUX_CLASSIFIER))
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
        .addJavadoc("The row {@code $L}, $L to $L, from $L:\n<pre>$L</pre>\n\n@return the row's block\n",
            layer.name(), figures.input(), figures.output(), location(layer.location()),
            JavadocText.escape(layer.source()))
        .addStatement("return $L", row.member())
        .build();
  }

  /**
   * {@code private static AuxClassifier auxClassifier(String attachedTo, float lossWeight, int numClasses)}:
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
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(types.of(ModuleKind.AUX_CLASSIFIER))
        .addParameter(String.class, attachedTo)
        .addParameter(float.class, lossWeight)
        .addJavadoc("An auxiliary classifier with the rows that $L share, from\n$L:\n<pre>\n$L</pre>\n\n"
                + "@param $L the main-path row whose output it reads\n"
                + "@param $L the weight of its loss in training\n",
            users.build(), location(first.classifier().location()), rowsDoc(first), attachedTo, lossWeight);
    if (factory.takesClasses()) {
      method.addParameter(int.class, numClasses.name)
          .addJavadoc("@param $N the number of classes it scores\n", numClasses);
    }
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

  /** The check that every classifier accessor makes, when there are several. */
  private MethodSpec requireAuxMethod() {
    ClassName type = types.of(ModuleKind.AUX_CLASSIFIER);
    return MethodSpec.methodBuilder(requireAux)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type)
        .addParameter(type, "classifier")
        .addJavadoc("The classifier, unless the network was built without auxiliary classifiers.\n\n"
            + "@param classifier an auxiliary classifier's field\n@return the classifier\n"
            + "@throws IllegalStateException if it is null\n")
        .beginControlFlow("if (classifier == null)")
        .addStatement("throw new $T($S)", IllegalStateException.class,
            "the network was built without auxiliary classifiers")
        .endControlFlow()
        .addStatement("return classifier")
        .build();
  }

  private MethodSpec auxAccessor(Aux aux) {
    AuxClassifier classifier = aux.classifier();
    CodeBlock rowsDoc = rowsDoc(aux);
    MethodSpec.Builder accessor = MethodSpec.methodBuilder(aux.member())
        .addModifiers(Modifier.PUBLIC)
        .returns(types.of(ModuleKind.AUX_CLASSIFIER))
        .addJavadoc("The auxiliary classifier {@code $L}, from $L: on the output of {@code $L} ($L), its loss"
                + " weighted $L in training. Its rows:\n<pre>\n$L</pre>\n\n@return the classifier\n"
                + "@throws IllegalStateException if the network was built without auxiliary classifiers\n",
            classifier.name(), location(classifier.location()), classifier.after(),
            aux.figures().input(), RowBlocks.floatLiteral(classifier.lossWeight()).replace("f", ""),
            rowsDoc);
    if (requireAux != null) {
      return accessor.addStatement("return $N($L)", requireAux, aux.member()).build();
    }
    return accessor.beginControlFlow("if ($L == null)", aux.member())
        .addStatement("throw new $T($S)", IllegalStateException.class,
            "the network was built without auxiliary classifiers")
        .endControlFlow()
        .addStatement("return $L", aux.member())
        .build();
  }

  private MethodSpec hasAuxClassifiers() {
    return MethodSpec.methodBuilder("hasAuxClassifiers")
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addJavadoc("Whether the auxiliary classifiers are children of this network and run in training.\n\n"
            + "@return true if they are\n")
        .addStatement(hasAux() ? CodeBlock.of("return $N", auxClassifiers) : CodeBlock.of("return false"))
        .build();
  }

  private MethodSpec auxLossWeights() {
    CodeBlock.Builder weights = CodeBlock.builder();
    for (int i = 0; i < auxes.size(); i++) {
      weights.add(i == 0 ? "$L" : ", $L", RowBlocks.floatLiteral(auxes.get(i).classifier().lossWeight()));
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("auxLossWeights")
        .addModifiers(Modifier.PUBLIC)
        .returns(float[].class)
        .addJavadoc("The loss weights of the auxiliary classifiers, in the order of their logits.\n\n"
            + "@return a new array, empty when the classifiers are off\n");
    if (hasAux()) {
      method.addStatement("return $N ? new float[] {$L} : new float[0]", auxClassifiers, weights.build());
    } else {
      method.addStatement("return new float[0]");
    }
    return method.build();
  }

  private MethodSpec forward() {
    MethodSpec.Builder forward = BlockMethods.forwardInternal()
        .addJavadoc("Runs the network on {@code (N, C, H, W)} images.\n\n"
            + "@return {@code (N, classes)} logits" + (hasAux()
                ? "; in training with auxiliary classifiers on, followed by theirs, in spec order\n"
                : "\n"));
    if (hasAux()) {
      forward.addStatement("$T auxLogits = new $T()", Djl.ND_LIST, Djl.ND_LIST);
    }
    forward.addStatement("$T x = inputs", Djl.ND_LIST);
    for (Layer layer : spec.layers()) {
      rowOf(layer).ifPresent(row ->
          forward.addStatement("x = advance(x, $L.forward(parameterStore, x, training, params), inputs)",
              row.member()));
      for (Aux aux : auxesAfter(layer)) {
        forward.beginControlFlow("if (training && $L != null)", aux.member())
            .addStatement("auxLogits.addAll($L.forward(parameterStore, x, training, params))", aux.member())
            .endControlFlow();
      }
    }
    if (!hasAux()) {
      return forward.addStatement("return x").build();
    }
    return forward.addStatement("$T outputs = new $T(x)", Djl.ND_LIST, Djl.ND_LIST)
        .addStatement("outputs.addAll(auxLogits)")
        .addStatement("return outputs")
        .build();
  }

  /** The network's {@code advance}: frees a row's output once the next row has read it. */
  private static MethodSpec advance() {
    return MethodSpec.methodBuilder("advance")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Djl.ND_LIST)
        .addParameter(Djl.ND_LIST, "read")
        .addParameter(Djl.ND_LIST, "output")
        .addParameter(Djl.ND_LIST, "inputs")
        .addJavadoc("Frees {@code read}, the previous row's output, now that the next row has read it and\n"
            + "returned {@code output}, rather than when the step ends; what the backward pass needs, the\n"
            + "engine keeps for itself. The network's own {@code inputs} are left to the caller.\n"
            + "\n@return {@code output}\n")
        .beginControlFlow("if (read != inputs)")
        .addStatement("read.close()")
        .endControlFlow()
        .addStatement("return output")
        .build();
  }

  private Optional<Row> rowOf(Layer layer) {
    return rows.stream().filter(row -> row.layer() == layer).findFirst();
  }

  private List<Aux> auxesAfter(Layer layer) {
    return auxes.stream().filter(aux -> aux.classifier().after().equals(layer.name())).toList();
  }

  private MethodSpec outputShapes() {
    return BlockMethods.getOutputShapes()
        .addJavadoc("The inference output: {@code (N, classes)} logits.\n\n@param inputShapes {@code (N, C, H, W)}"
            + "\n@return the logits' shape\n")
        .addStatement("long $L = inputShapes[0].get(0)", BATCH)
        .addStatement("return new $T[] {$L}", Djl.SHAPE, mainOutputShape())
        .build();
  }

  private MethodSpec trainingOutputShapes() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("getTrainingOutputShapes")
        .addModifiers(Modifier.PUBLIC)
        .returns(ArrayTypeName.of(Djl.SHAPE))
        .addParameter(ArrayTypeName.of(Djl.SHAPE), "inputShapes")
        .addJavadoc("The training output: the logits, then each enabled auxiliary classifier's logits.\n\n"
            + "@param inputShapes {@code (N, C, H, W)}\n@return the shapes, in the order of the outputs\n")
        .addStatement("long $L = inputShapes[0].get(0)", BATCH);
    if (!hasAux()) {
      return method.addStatement("return new $T[] {$L}", Djl.SHAPE, mainOutputShape()).build();
    }
    CodeBlock.Builder all = CodeBlock.builder().add("$L", mainOutputShape());
    for (Aux aux : auxes) {
      ShapeWalk walk = new ShapeWalk(numClasses);
      aux.rows().forEach(row -> walk.advance(row.layer(), row.block()));
      all.add(", $L", walk.shape(aux.figures().output()));
    }
    return method.beginControlFlow("if (!$N)", auxClassifiers)
        .addStatement("return new $T[] {$L}", Djl.SHAPE, mainOutputShape())
        .endControlFlow()
        .addStatement("return new $T[] {$L}", Djl.SHAPE, all.build())
        .build();
  }

  private CodeBlock mainOutputShape() {
    ShapeWalk walk = new ShapeWalk(numClasses);
    rows.forEach(row -> walk.advance(row.layer(), row.block()));
    return walk.shape(analysis.output());
  }

  private MethodSpec initializeChildBlocks() {
    TensorShape input = analysis.input();
    MethodSpec.Builder method = BlockMethods.initializeChildBlocks()
        .addStatement("$T input = inputShapes[0]", Djl.SHAPE)
        .beginControlFlow("if (input.dimension() != 4 || !input.slice(1).equals(INPUT_SHAPE))")
        .addStatement("throw new $T($S + input)", IllegalArgumentException.class,
            spec.className() + " reads (N, " + input.channels() + ", " + input.height() + ", "
                + input.width() + ") images, not ")
        .endControlFlow()
        .addStatement("long $L = input.get(0)", BATCH)
        .addComment("each row reads the shape the spec's analysis gives it");
    ShapeWalk walk = new ShapeWalk(numClasses);
    for (Layer layer : spec.layers()) {
      Optional<Row> row = rowOf(layer);
      row.ifPresent(r -> {
        method.addStatement("$L.initialize(manager, dataType, $L)", r.member(), walk.shape(r.figures().input()));
        walk.advance(layer, r.block());
      });
      for (Aux aux : auxesAfter(layer)) {
        method.beginControlFlow("if ($L != null)", aux.member())
            .addStatement("$L.initialize(manager, dataType, $L)", aux.member(), walk.shape(aux.figures().input()))
            .endControlFlow();
      }
    }
    return method.build();
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

  /**
   * Follows the rank and width of the activations through the rows, to write each row's input shape: global
   * pooling and linear rows leave {@code (N, C)}, and a {@code units: classes} row leaves
   * {@code numClasses} channels rather than the spec's default.
   */
  private static final class ShapeWalk {
    private final FieldSpec numClasses;
    private boolean flat;
    private boolean classes;

    ShapeWalk(FieldSpec numClasses) {
      this.numClasses = numClasses;
    }

    void advance(Layer layer, RowBlock block) {
      flat |= block.flattens() || layer instanceof GlobalAvgPool;
      if (layer instanceof Linear linear) {
        classes = linear.toClasses();
      } else if (!(layer instanceof Dropout)) {
        classes = false;
      }
    }

    CodeBlock shape(TensorShape shape) {
      CodeBlock channels = classes ? CodeBlock.of("$N", numClasses) : CodeBlock.of("$L", shape.channels());
      return flat
          ? CodeBlock.of("new $T($L, $L)", Djl.SHAPE, BATCH, channels)
          : CodeBlock.of("new $T($L, $L, $L, $L)", Djl.SHAPE, BATCH, channels, shape.height(), shape.width());
    }
  }
}
