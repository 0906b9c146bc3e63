package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code ConvolutionUnit}: a convolution, then batch normalisation and a ReLU when enabled, optionally
 * preceded by a 1x1 reduction of the same style (the table's depth-2 rows).
 */
final class ConvolutionUnitType {

  private ConvolutionUnitType() {}

  static TypeSpec create(ModuleTypes types) {
    ClassName self = types.convolutionUnit();
    ClassName builder = self.nestedClass("Builder");
    FieldSpec reduction = FieldSpec.builder(self, "reduction", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec conv = FieldSpec.builder(Djl.CONV2D, "conv", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec batchNorm =
        FieldSpec.builder(Djl.BATCH_NORM, "batchNorm", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec relu = FieldSpec.builder(boolean.class, "relu", Modifier.PRIVATE, Modifier.FINAL).build();

    MethodSpec constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder")
        .addStatement("super(VERSION)")
        .addStatement("$N = builder.reduction > 0 ? addChildBlock($S, builder.reductionUnit()) : null",
            reduction, "reduction")
        .addStatement(CodeBlock.builder()
            .add("$N = addChildBlock($S, $T.builder()\n", conv, "conv", Djl.CONV2D)
            .add(".setKernelShape(builder.kernelShape)\n")
            .add(".optStride(builder.stride)\n")
            .add(".optPadding(builder.padding)\n")
            .add(".setFilters(builder.filters)\n")
            .add(".optBias(builder.bias)\n")
            .add(".build())")
            .build())
        .addStatement("$N = builder.batchNorm\n? addChildBlock($S, $T.builder()"
                + ".optEpsilon(builder.batchNormEpsilon).build())\n: null",
            batchNorm, "batch_norm", Djl.BATCH_NORM)
        .addStatement("$N = builder.relu", relu)
        .build();

    MethodSpec forward = BlockMethods.forwardInternal()
        .addComment("each intermediate result is freed once the next step has read it, not when the training step")
        .addComment("ends; what the backward pass needs, the engine keeps for itself")
        .addStatement("$T reduced = $N == null ? inputs : $N.forward(parameterStore, inputs, training, params)",
            Djl.ND_LIST, reduction, reduction)
        .addStatement("$T x = $N.forward(parameterStore, reduced, training, params)", Djl.ND_LIST, conv)
        .beginControlFlow("if (reduced != inputs)")
        .addStatement("reduced.close()")
        .endControlFlow()
        .beginControlFlow("if ($N != null)", batchNorm)
        .addStatement("$T convolved = x", Djl.ND_LIST)
        .addStatement("x = $N.forward(parameterStore, convolved, training, params)", batchNorm)
        .addStatement("convolved.close()")
        .endControlFlow()
        .beginControlFlow("if ($N)", relu)
        .addStatement("$T linear = x", Djl.ND_LIST)
        .addStatement("x = $T.relu(linear)", Djl.ACTIVATION)
        .addStatement("linear.close()")
        .endControlFlow()
        .addStatement("return x")
        .build();

    MethodSpec outputShapes = BlockMethods.getOutputShapes()
        .addStatement("return $N.getOutputShapes($N == null ? inputShapes : $N.getOutputShapes(inputShapes))",
            conv, reduction, reduction)
        .build();

    MethodSpec initialize = BlockMethods.initializeChildBlocks()
        .addStatement("$T[] shapes = inputShapes", Djl.SHAPE)
        .beginControlFlow("if ($N != null)", reduction)
        .addStatement("$N.initialize(manager, dataType, shapes)", reduction)
        .addStatement("shapes = $N.getOutputShapes(shapes)", reduction)
        .endControlFlow()
        .addStatement("$N.initialize(manager, dataType, shapes)", conv)
        .beginControlFlow("if ($N != null)", batchNorm)
        .addStatement("$N.initialize(manager, dataType, $N.getOutputShapes(shapes))", batchNorm, conv)
        .endControlFlow()
        .build();

    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(Djl.ABSTRACT_BLOCK)
        .addJavadoc("A convolution, then batch normalisation and a ReLU when enabled: one convolution row of the\n"
            + "GoogLeNet table. With {@link Builder#optReduction(int)} a 1x1 convolution of the same style\n"
            + "reduces the channels first, as the table's depth-2 rows (\"3x3 reduce\", then \"3x3\") do.\n"
            + "\n<p>Children: {@code reduction} (if any), {@code conv}, {@code batch_norm} (if enabled).\n")
        .addField(BlockMethods.version())
        .addField(reduction)
        .addField(conv)
        .addField(batchNorm)
        .addField(relu)
        .addMethod(constructor)
        .addMethod(BuilderMethods.builderFactory(builder, self.simpleName()))
        .addMethod(optionalAccessor(reduction, "The 1x1 reduction before the convolution, if any."))
        .addMethod(BlockMethods.accessor(conv, "The convolution.\n\n@return the convolution"))
        .addMethod(optionalAccessor(batchNorm, "The batch normalisation after the convolution, if enabled."))
        .addMethod(MethodSpec.methodBuilder("hasRelu")
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addJavadoc("Whether a ReLU follows.\n\n@return true if the unit ends with a ReLU\n")
            .addStatement("return $N", relu)
            .build())
        .addMethod(forward)
        .addMethod(outputShapes)
        .addMethod(initialize)
        .addType(builderType(self, builder, types.defaults()))
        .build();
  }

  private static MethodSpec optionalAccessor(FieldSpec field, String javadoc) {
    return MethodSpec.methodBuilder(field.name)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), field.type))
        .addJavadoc("$L\n\n@return the block, or empty\n", javadoc)
        .addStatement("return $T.ofNullable($N)", Optional.class, field)
        .build();
  }

  private static TypeSpec builderType(ClassName self, ClassName builder, ModuleDefaults defaults) {
    CodeBlock none = CodeBlock.of("");
    FieldSpec kernelShape = BuilderMethods.field(Djl.SHAPE, "kernelShape", none);
    FieldSpec stride = BuilderMethods.field(Djl.SHAPE, "stride", CodeBlock.of("new $T(1, 1)", Djl.SHAPE));
    FieldSpec padding = BuilderMethods.field(Djl.SHAPE, "padding", CodeBlock.of("new $T(0, 0)", Djl.SHAPE));
    FieldSpec filters = BuilderMethods.field(TypeName.INT, "filters", none);
    FieldSpec reduction = BuilderMethods.field(TypeName.INT, "reduction", none);
    ModuleDefaults.StyleMembers style = defaults.styleMembers(builder);

    MethodSpec reductionUnit = MethodSpec.methodBuilder("reductionUnit")
        .addModifiers(Modifier.PRIVATE)
        .returns(self)
        .addStatement(CodeBlock.builder()
            .add("return builder()\n")
            .add(".setKernelShape(new $T(1, 1))\n", Djl.SHAPE)
            .add(".setFilters($N)\n", reduction)
            .add(style.passOn())
            .add(".build()")
            .build())
        .build();

    MethodSpec build = MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addJavadoc("Builds the unit.\n\n@return the unit\n@throws IllegalArgumentException if the kernel"
            + " shape or the filters are not set\n")
        .beginControlFlow("if ($N == null || $N <= 0)", kernelShape, filters)
        .addStatement("throw new $T($S)", IllegalArgumentException.class,
            "a convolution unit needs a kernel shape and a positive number of filters")
        .endControlFlow()
        .addStatement("return new $T(this)", self)
        .build();

    return TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}.\n\n<p>Defaults of this spec, the style most of its convolutions"
            + " share:\n$L.\n", self, defaults.describeStyle())
        .addFields(List.of(kernelShape, stride, padding, filters, reduction))
        .addFields(style.fields())
        .addMethod(BuilderMethods.constructor())
        .addMethod(BuilderMethods.setter(builder, "setKernelShape", kernelShape,
            "Sets the convolution's kernel shape, height and width.", "the kernel shape", none))
        .addMethod(BuilderMethods.setter(builder, "optStride", stride,
            "Sets the stride, height and width (1, 1 when not set).", "the stride", none))
        .addMethod(BuilderMethods.setter(builder, "optPadding", padding,
            "Sets the zero padding, height and width (0, 0 when not set).", "the padding", none))
        .addMethod(BuilderMethods.setter(builder, "setFilters", filters,
            "Sets the number of output channels.", "the number of filters",
            BuilderMethods.require("filters > 0", "filters must be positive: ", filters)))
        .addMethod(BuilderMethods.setter(builder, "optReduction", reduction,
            "Adds a 1x1 convolution with this many filters before the convolution (0 for none).",
            "the reduction's number of filters",
            BuilderMethods.require("reduction >= 0", "reduction must not be negative: ", reduction)))
        .addMethods(style.setters())
        .addMethod(reductionUnit)
        .addMethod(build)
        .build();
  }
}
