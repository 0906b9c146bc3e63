package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code MaxPool}: max pooling with PyTorch's window rules, which in inference takes the maximum of the
 * window's shifted views one dimension at a time instead of calling the engine's max pool. The values are
 * the same (a maximum does not round); on libtorch 2.7.1's CPU kernels it is the faster way (BENCHMARKS.md,
 * "What the profile led to"). In training the engine's max pool runs, as it records where each maximum came
 * from for the backward pass.
 */
final class MaxPoolType {

  private MaxPoolType() {}

  static TypeSpec create(ModuleTypes types) {
    ClassName self = types.of(ModuleKind.MAX_POOL);
    ClassName builder = self.nestedClass("Builder");
    FieldSpec kernelShape = FieldSpec.builder(Djl.SHAPE, "kernelShape", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec stride = FieldSpec.builder(Djl.SHAPE, "stride", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec padding = FieldSpec.builder(Djl.SHAPE, "padding", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec ceilMode = FieldSpec.builder(boolean.class, "ceilMode", Modifier.PRIVATE, Modifier.FINAL).build();

    MethodSpec constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder")
        .addStatement("super(enginePool(builder), $S)", "maxPool2d")
        .addStatement("$N = builder.$N", kernelShape, kernelShape)
        .addStatement("$N = builder.$N", stride, stride)
        .addStatement("$N = builder.$N", padding, padding)
        .addStatement("$N = builder.$N", ceilMode, ceilMode)
        .build();

    TypeName function = ParameterizedTypeName.get(ClassName.get(Function.class), Djl.ND_LIST, Djl.ND_LIST);
    MethodSpec enginePool = MethodSpec.methodBuilder("enginePool")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(function)
        .addParameter(builder, "builder")
        .addJavadoc("The engine's max pool with the builder's settings, what DJL's {@code Pool.maxPool2dBlock} runs.\n")
        .addStatement("$T window = builder.$N", Djl.SHAPE, kernelShape)
        .addStatement("$T step = builder.$N", Djl.SHAPE, stride)
        .addStatement("$T border = builder.$N", Djl.SHAPE, padding)
        .addStatement("boolean ceil = builder.$N", ceilMode)
        .addStatement("return inputs -> new $T($T.maxPool2d(inputs.singletonOrThrow(), window, step, border, ceil))",
            Djl.ND_LIST, Djl.POOL)
        .build();

    MethodSpec forward = BlockMethods.forwardInternal()
        .addStatement("return new $T(maxPool(inputs.singletonOrThrow(), $N, $N, $N, $N, training))",
            Djl.ND_LIST, kernelShape, stride, padding, ceilMode)
        .build();

    MethodSpec maxPool = MethodSpec.methodBuilder("maxPool")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Djl.ND_ARRAY)
        .addParameter(Djl.ND_ARRAY, "input")
        .addParameter(Djl.SHAPE, "kernelShape")
        .addParameter(Djl.SHAPE, "stride")
        .addParameter(Djl.SHAPE, "padding")
        .addParameter(boolean.class, "ceilMode")
        .addParameter(boolean.class, "training")
        .addJavadoc("Max-pools {@code (N, C, H, W)} input as {@code Pool.maxPool2d} does: the engine's max pool in\n"
            + "training; in inference the same maxima, taken over shifted views of the rows, then of the columns,\n"
            + "of the input padded once with minus infinity.\n"
            + "\n@param input the input\n@param kernelShape the window, height and width\n"
            + "@param stride the stride, height and width\n@param padding the padding on each side, height and"
            + " width\n@param ceilMode whether a last, partial window is kept\n@param training whether gradients"
            + " will flow back through the result\n@return the pooled input\n")
        .beginControlFlow("if (training)")
        .addStatement("return $T.maxPool2d(input, kernelShape, stride, padding, ceilMode)", Djl.POOL)
        .endControlFlow()
        .addStatement("$T shape = input.getShape()", Djl.SHAPE)
        .addStatement("long rows = outputSize(shape.get(2), kernelShape.get(0), stride.get(0), padding.get(0), ceilMode)")
        .addStatement("long columns = outputSize(shape.get(3), kernelShape.get(1), stride.get(1), padding.get(1),"
            + " ceilMode)")
        .addComment("what the last window reaches past the input, beyond the padding; pad() takes (before, after)")
        .addComment("pairs from the last axis back")
        .addStatement("long below = $T.max(0, (rows - 1) * stride.get(0) + kernelShape.get(0) - shape.get(2)"
            + " - padding.get(0))", Math.class)
        .addStatement("long right = $T.max(0, (columns - 1) * stride.get(1) + kernelShape.get(1) - shape.get(3)"
            + " - padding.get(1))", Math.class)
        .addStatement("boolean pads = padding.get(0) > 0 || padding.get(1) > 0 || below > 0 || right > 0")
        .addStatement(CodeBlock.builder()
            .add("$T padded = pads\n", Djl.ND_ARRAY)
            .add("? input.pad(new $T(padding.get(1), right, padding.get(0), below), $T.NEGATIVE_INFINITY)\n",
                Djl.SHAPE, Double.class)
            .add(": input")
            .build())
        .addStatement("$T rowMaxima = maxOfViews(padded, 2, kernelShape.get(0), stride.get(0), rows)", Djl.ND_ARRAY)
        .addStatement("$T pooled = maxOfViews(rowMaxima, 3, kernelShape.get(1), stride.get(1), columns)",
            Djl.ND_ARRAY)
        .beginControlFlow("if (pads)")
        .addStatement("padded.close()")
        .endControlFlow()
        .addStatement("rowMaxima.close()")
        .addStatement("return pooled")
        .build();

    MethodSpec maxOfViews = MethodSpec.methodBuilder("maxOfViews")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Djl.ND_ARRAY)
        .addParameter(Djl.ND_ARRAY, "input")
        .addParameter(int.class, "axis")
        .addParameter(long.class, "window")
        .addParameter(long.class, "stride")
        .addParameter(long.class, "outputs")
        .addJavadoc("Max-pools along one axis of padded input: the maximum of the {@code window} views that start at\n"
            + "offsets 0, 1, ... and step by {@code stride}, {@code outputs} long.\n")
        .addStatement("$T max = null", Djl.ND_ARRAY)
        .beginControlFlow("for (long offset = 0; offset < window; offset++)")
        .addStatement("long last = offset + (outputs - 1) * stride")
        .addStatement("$T view = input.get(new $T().addAllDim(axis).addSliceDim(offset, last + 1, stride))",
            Djl.ND_ARRAY, Djl.ND_INDEX)
        .beginControlFlow("if (max == null)")
        .addStatement("max = view")
        .nextControlFlow("else")
        .addStatement("$T larger = max.maximum(view)", Djl.ND_ARRAY)
        .addStatement("max.close()")
        .addStatement("view.close()")
        .addStatement("max = larger")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return max")
        .build();

    MethodSpec outputSize = MethodSpec.methodBuilder("outputSize")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(long.class)
        .addParameter(long.class, "size")
        .addParameter(long.class, "window")
        .addParameter(long.class, "stride")
        .addParameter(long.class, "padding")
        .addParameter(boolean.class, "ceilMode")
        .addJavadoc("PyTorch's output size: windows that fit, one more for a partial window in ceil mode unless it\n"
            + "would start in the padding after the input.\n")
        .addStatement("long outputs = (size + 2 * padding - window + (ceilMode ? stride - 1 : 0)) / stride + 1")
        .addStatement("return ceilMode && (outputs - 1) * stride >= size + padding ? outputs - 1 : outputs")
        .build();

    MethodSpec outputShapes = BlockMethods.getOutputShapes()
        .addStatement("$T input = inputShapes[0]", Djl.SHAPE)
        .addStatement(CodeBlock.builder()
            .add("return new $T[] {new $T(input.get(0), input.get(1),\n", Djl.SHAPE, Djl.SHAPE)
            .add("outputSize(input.get(2), $N.get(0), $N.get(0), $N.get(0), $N),\n", kernelShape, stride, padding,
                ceilMode)
            .add("outputSize(input.get(3), $N.get(1), $N.get(1), $N.get(1), $N))}", kernelShape, stride, padding,
                ceilMode)
            .build())
        .build();

    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(Djl.LAMBDA_BLOCK)
        .addJavadoc("Max pooling as DJL's {@code Pool.maxPool2dBlock} and PyTorch's {@code max_pool2d}: padding counts as\n"
            + "minus infinity; in ceil mode a last, partial window is kept if it starts inside the input. In\n"
            + "inference the maxima are taken over shifted views of the input, rows then columns, which gives the\n"
            + "same values as the engine's max pool and was about twice as fast on libtorch 2.7.1's CPU kernels;\n"
            + "in training the engine's max pool runs, as its backward pass needs to know where each maximum was.\n"
            + "It has no parameters; it is a {@code LambdaBlock}, as DJL's pool blocks are, so that parameter files\n"
            + "have the same layout.\n")
        .addField(kernelShape)
        .addField(stride)
        .addField(padding)
        .addField(ceilMode)
        .addMethod(constructor)
        .addMethod(enginePool)
        .addMethod(BuilderMethods.builderFactory(builder, self.simpleName()))
        .addMethod(forward)
        .addMethod(maxPool)
        .addMethod(maxOfViews)
        .addMethod(outputSize)
        .addMethod(outputShapes)
        .addType(builderType(self, builder))
        .build();
  }

  private static TypeSpec builderType(ClassName self, ClassName builder) {
    CodeBlock none = CodeBlock.of("");
    FieldSpec kernelShape = BuilderMethods.field(Djl.SHAPE, "kernelShape", none);
    FieldSpec stride = BuilderMethods.field(Djl.SHAPE, "stride", CodeBlock.of("new $T(1, 1)", Djl.SHAPE));
    FieldSpec padding = BuilderMethods.field(Djl.SHAPE, "padding", CodeBlock.of("new $T(0, 0)", Djl.SHAPE));
    FieldSpec ceilMode = BuilderMethods.field(TypeName.BOOLEAN, "ceilMode", none);
    return TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}.\n", self)
        .addFields(List.of(kernelShape, stride, padding, ceilMode))
        .addMethod(BuilderMethods.constructor())
        .addMethod(BuilderMethods.setter(builder, "setKernelShape", kernelShape,
            "Sets the window, height and width.", "the window", CodeBlock.of("")))
        .addMethod(BuilderMethods.setter(builder, "optStride", stride,
            "Sets the stride, height and width (1, 1 when not set).", "the stride", CodeBlock.of("")))
        .addMethod(BuilderMethods.setter(builder, "optPadding", padding,
            "Sets the padding on each side, height and width (0, 0 when not set).", "the padding",
            CodeBlock.of("")))
        .addMethod(BuilderMethods.setter(builder, "optCeilMode", ceilMode,
            "Sets whether a last, partial window is kept (false when not set).", "whether to round up",
            CodeBlock.of("")))
        .addMethod(MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addJavadoc("Builds the block.\n\n@return the block\n@throws IllegalArgumentException if the window is"
                + " not set\n")
            .beginControlFlow("if ($N == null)", kernelShape)
            .addStatement("throw new $T($S)", IllegalArgumentException.class, "the window is not set")
            .endControlFlow()
            .addStatement("return new $T(this)", self)
            .build())
        .build();
  }
}
