package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code InceptionModule}: four {@code ConvolutionUnit} branches over the same input, concatenated
 * along the channels: 1x1; 1x1 reduction then 3x3; 1x1 reduction then the "5x5" patch; 3x3/1 max pool then
 * a 1x1 pool projection.
 */
final class InceptionModuleType {

  private InceptionModuleType() {}

  static TypeSpec create(ModuleTypes types) {
    ClassName self = types.of(ModuleKind.INCEPTION_MODULE);
    ClassName unit = types.convolutionUnit();
    ClassName builder = self.nestedClass("Builder");
    FieldSpec branch1x1 = branch(unit, "branch1x1");
    FieldSpec branch3x3 = branch(unit, "branch3x3");
    FieldSpec branch5x5 = branch(unit, "branch5x5");
    FieldSpec poolProjection = branch(unit, "poolProjection");

    MethodSpec constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder")
        .addStatement("super(VERSION)")
        .addStatement("$N = addChildBlock($S, builder.unit(1, builder.filters1x1, 0))", branch1x1, "branch1x1")
        .addStatement("$N = addChildBlock($S, builder.unit(3, builder.filters3x3, builder.reduce3x3))",
            branch3x3, "branch3x3")
        .addStatement("$N = addChildBlock($S, builder.unit(builder.patch5x5, builder.filters5x5,"
            + " builder.reduce5x5))", branch5x5, "branch5x5")
        .addStatement("$N = addChildBlock($S, builder.unit(1, builder.poolProjection, 0))",
            poolProjection, "pool_projection")
        .build();

    MethodSpec branches = MethodSpec.methodBuilder("branches")
        .addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), unit))
        .addStatement("return $T.of($N, $N, $N, $N)", List.class, branch1x1, branch3x3, branch5x5,
            poolProjection)
        .build();

    MethodSpec forward = BlockMethods.forwardInternal()
        .addComment("the pool branch: a 3x3/1 max pool that keeps the size, then the 1x1 projection")
        .addStatement("$T pooled = new $T($T.maxPool(\ninputs.singletonOrThrow(), POOL_WINDOW, POOL_STRIDE, POOL_PADDING, false, training))",
            Djl.ND_LIST, Djl.ND_LIST, types.of(ModuleKind.MAX_POOL))
        .addStatement(CodeBlock.builder()
            .add("$T outputs = new $T(\n", Djl.ND_LIST, Djl.ND_LIST)
            .add("$N.forward(parameterStore, inputs, training, params).singletonOrThrow(),\n", branch1x1)
            .add("$N.forward(parameterStore, inputs, training, params).singletonOrThrow(),\n", branch3x3)
            .add("$N.forward(parameterStore, inputs, training, params).singletonOrThrow(),\n", branch5x5)
            .add("$N.forward(parameterStore, pooled, training, params).singletonOrThrow())", poolProjection)
            .build())
        .addStatement("$T concatenated = $T.concat(outputs, 1)", Djl.ND_ARRAY, Djl.ND_ARRAYS)
        .addComment("the branches' outputs are copied: free them now rather than when the step ends")
        .addStatement("pooled.close()")
        .addStatement("outputs.close()")
        .addStatement("return new $T(concatenated)", Djl.ND_LIST)
        .build();

    MethodSpec outputShapes = BlockMethods.getOutputShapes()
        .addStatement("long channels = 0")
        .beginControlFlow("for ($T branch : $N())", unit, branches)
        .addStatement("channels += branch.getOutputShapes(inputShapes)[0].get(1)")
        .endControlFlow()
        .addStatement("$T input = inputShapes[0]", Djl.SHAPE)
        .addStatement("return new $T[] {new $T(input.get(0), channels, input.get(2), input.get(3))}",
            Djl.SHAPE, Djl.SHAPE)
        .build();

    MethodSpec initialize = BlockMethods.initializeChildBlocks()
        .beginControlFlow("for ($T branch : $N())", unit, branches)
        .addStatement("branch.initialize(manager, dataType, inputShapes)")
        .endControlFlow()
        .build();

    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(Djl.ABSTRACT_BLOCK)
        .addJavadoc("An Inception module, as the GoogLeNet table's six columns describe it: four branches over the\n"
            + "same input, their outputs concatenated along the channels in this order:\n"
            + "<ol>\n"
            + "  <li>{@code branch1x1}: a 1x1 convolution (\"#1x1\");\n"
            + "  <li>{@code branch3x3}: a 1x1 reduction (\"#3x3 reduce\"), then a 3x3 convolution (\"#3x3\");\n"
            + "  <li>{@code branch5x5}: a 1x1 reduction (\"#5x5 reduce\"), then the \"5x5\" convolution (\"#5x5\"),\n"
            + "      whose patch torchvision shrinks to 3x3;\n"
            + "  <li>{@code pool_projection}: a 3x3/1 max pool, then a 1x1 convolution (\"pool proj\").\n"
            + "</ol>\n"
            + "Every convolution keeps the height and width; all share one style (bias, batch normalisation,"
            + " ReLU).\n")
        .addField(BlockMethods.version())
        .addField(poolConstant("POOL_WINDOW", 3))
        .addField(poolConstant("POOL_STRIDE", 1))
        .addField(poolConstant("POOL_PADDING", 1))
        .addField(branch1x1)
        .addField(branch3x3)
        .addField(branch5x5)
        .addField(poolProjection)
        .addMethod(constructor)
        .addMethod(BuilderMethods.builderFactory(builder, self.simpleName()))
        .addMethod(BlockMethods.accessor(branch1x1, "The 1x1 branch.\n\n@return the branch"))
        .addMethod(BlockMethods.accessor(branch3x3, "The 3x3 branch, with its reduction.\n\n@return the branch"))
        .addMethod(BlockMethods.accessor(branch5x5, "The \"5x5\" branch, with its reduction.\n\n@return the branch"))
        .addMethod(BlockMethods.accessor(poolProjection,
            "The pool branch's 1x1 projection, applied after the max pool.\n\n@return the projection"))
        .addMethod(branches)
        .addMethod(forward)
        .addMethod(outputShapes)
        .addMethod(initialize)
        .addType(builderType(self, unit, builder, types.defaults()))
        .build();
  }

  private static FieldSpec branch(ClassName unit, String name) {
    return FieldSpec.builder(unit, name, Modifier.PRIVATE, Modifier.FINAL).build();
  }

  private static FieldSpec poolConstant(String name, int size) {
    return FieldSpec.builder(Djl.SHAPE, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T($L, $L)", Djl.SHAPE, size, size)
        .build();
  }

  private static TypeSpec builderType(
      ClassName self, ClassName unit, ClassName builder, ModuleDefaults defaults) {
    CodeBlock none = CodeBlock.of("");
    FieldSpec filters1x1 = BuilderMethods.field(TypeName.INT, "filters1x1", none);
    FieldSpec reduce3x3 = BuilderMethods.field(TypeName.INT, "reduce3x3", none);
    FieldSpec filters3x3 = BuilderMethods.field(TypeName.INT, "filters3x3", none);
    FieldSpec reduce5x5 = BuilderMethods.field(TypeName.INT, "reduce5x5", none);
    FieldSpec filters5x5 = BuilderMethods.field(TypeName.INT, "filters5x5", none);
    FieldSpec patch5x5 =
        BuilderMethods.field(TypeName.INT, "patch5x5", CodeBlock.of("$L", defaults.fivePatch()));
    FieldSpec poolProjection = BuilderMethods.field(TypeName.INT, "poolProjection", none);
    ModuleDefaults.StyleMembers style = defaults.styleMembers(builder);

    MethodSpec unitFactory = MethodSpec.methodBuilder("unit")
        .addModifiers(Modifier.PRIVATE)
        .returns(unit)
        .addParameter(int.class, "patch")
        .addParameter(int.class, "filters")
        .addParameter(int.class, "reduction")
        .addStatement(CodeBlock.builder()
            .add("return $T.builder()\n", unit)
            .add(".setKernelShape(new $T(patch, patch))\n", Djl.SHAPE)
            .add(".optPadding(new $T((patch - 1) / 2, (patch - 1) / 2))\n", Djl.SHAPE)
            .add(".setFilters(filters)\n")
            .add(".optReduction(reduction)\n")
            .add(style.passOn())
            .add(".build()")
            .build())
        .build();

    MethodSpec build = MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addJavadoc("Builds the module.\n\n@return the module\n@throws IllegalArgumentException if a branch is"
            + " not set\n")
        .beginControlFlow("if ($N <= 0 || $N <= 0 || $N <= 0 || $N <= 0)",
            filters1x1, filters3x3, filters5x5, poolProjection)
        .addStatement("throw new $T($S)", IllegalArgumentException.class,
            "an Inception module needs all four branches")
        .endControlFlow()
        .addStatement("return new $T(this)", self)
        .build();

    return TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds an {@link $T}.\n\n<p>Defaults of this spec, what most of its convolutions and Inception"
            + " modules share:\n$L; a $Lx$L patch in the \"5x5\" branch.\n", self, defaults.describeStyle(),
            defaults.fivePatch(), defaults.fivePatch())
        .addFields(List.of(filters1x1, reduce3x3, filters3x3, reduce5x5, filters5x5, patch5x5, poolProjection))
        .addFields(style.fields())
        .addMethod(BuilderMethods.constructor())
        .addMethod(BuilderMethods.setter(builder, "setBranch1x1", filters1x1,
            "Sets the 1x1 branch's filters (the table's \"#1x1\").", "the filters",
            BuilderMethods.require("filters1x1 > 0", "filters must be positive: ", filters1x1)))
        .addMethod(reducedBranch(builder, "setBranch3x3", reduce3x3, filters3x3, "3x3"))
        .addMethod(reducedBranch(builder, "setBranch5x5", reduce5x5, filters5x5, "5x5"))
        .addMethod(BuilderMethods.setter(builder, "optBranch5x5Patch", patch5x5,
            "Sets the patch of the \"5x5\" branch (" + defaults.fivePatch() + " when not set; the paper uses 5,"
                + " torchvision 3).", "the patch size",
            BuilderMethods.require("patch5x5 > 0 && patch5x5 % 2 == 1", "the patch must be odd: ", patch5x5)))
        .addMethod(BuilderMethods.setter(builder, "setPoolProjection", poolProjection,
            "Sets the filters of the 1x1 projection after the max pool (the table's \"pool proj\").",
            "the filters",
            BuilderMethods.require("poolProjection > 0", "filters must be positive: ", poolProjection)))
        .addMethods(style.setters())
        .addMethod(unitFactory)
        .addMethod(build)
        .build();
  }

  /** {@code setBranchNxN(int reduce, int filters)}. */
  private static MethodSpec reducedBranch(
      ClassName builder, String method, FieldSpec reduce, FieldSpec filters, String patch) {
    return MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(int.class, reduce.name)
        .addParameter(int.class, filters.name)
        .addJavadoc("Sets the $L branch: its 1x1 reduction's filters (\"#$L reduce\"), then its own (\"#$L\").\n"
            + "\n@param $N the reduction's filters\n@param $N the branch's filters\n@return this builder\n",
            patch, patch, patch, reduce, filters)
        .beginControlFlow("if ($N <= 0 || $N <= 0)", reduce, filters)
        .addStatement("throw new $T($S + $N + $S + $N)", IllegalArgumentException.class,
            "filters must be positive: ", reduce, ", ", filters)
        .endControlFlow()
        .addStatement("this.$N = $N", reduce, reduce)
        .addStatement("this.$N = $N", filters, filters)
        .addStatement("return this")
        .build();
  }
}
