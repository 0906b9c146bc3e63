package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code AdaptiveAvgPool}: average pooling to a fixed output size, with the windows of PyTorch's
 * {@code adaptive_avg_pool2d}.
 */
final class AdaptiveAvgPoolType {

  private AdaptiveAvgPoolType() {}

  static TypeSpec create(ModuleTypes types) {
    ClassName self = types.of(ModuleKind.ADAPTIVE_AVG_POOL);
    ClassName builder = self.nestedClass("Builder");
    FieldSpec height = FieldSpec.builder(int.class, "height", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec width = FieldSpec.builder(int.class, "width", Modifier.PRIVATE, Modifier.FINAL).build();

    MethodSpec constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder")
        .addStatement("super(VERSION)")
        .addStatement("$N = builder.$N", height, height)
        .addStatement("$N = builder.$N", width, width)
        .build();

    MethodSpec forward = BlockMethods.forwardInternal()
        .addStatement("$T input = inputs.singletonOrThrow()", Djl.ND_ARRAY)
        .addStatement("$T manager = input.getManager()", Djl.ND_MANAGER)
        .addStatement("long inputHeight = input.getShape().get(2)")
        .addStatement("long inputWidth = input.getShape().get(3)")
        .addComment("pooled = R x input x C: R averages the rows of each window, C its columns")
        .addStatement("$T rowMeans = engineMatrix(manager, windowMeans($N, inputHeight), $N, inputHeight,"
            + " input.getDataType())", Djl.ND_ARRAY, height, height)
        .addStatement("$T columnMeans = engineMatrix(manager, windowMeans($N, inputWidth), $N, inputWidth,"
            + " input.getDataType()).transpose()", Djl.ND_ARRAY, width, width)
        .addStatement("$T columnsPooled = input.matMul(columnMeans)", Djl.ND_ARRAY)
        .addStatement("$T pooled = rowMeans.matMul(columnsPooled)", Djl.ND_ARRAY)
        .addStatement("$T.of(rowMeans, columnMeans, columnsPooled).forEach($T::close)", List.class, Djl.ND_ARRAY)
        .addStatement("return new $T(pooled)", Djl.ND_LIST)
        .build();

    MethodSpec engineMatrix = MethodSpec.methodBuilder("engineMatrix")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Djl.ND_ARRAY)
        .addParameter(Djl.ND_MANAGER, "manager")
        .addParameter(float[].class, "values")
        .addParameter(long.class, "rows")
        .addParameter(long.class, "columns")
        .addParameter(Djl.DATA_TYPE, "dataType")
        .addJavadoc("A {@code rows x columns} matrix of {@code values} copied into the engine's own memory: on the CPU,\n"
            + "DJL's {@code create} wraps the Java buffer without copying it, and the buffer may be freed once the\n"
            + "array is closed, while the backward pass of the matrix product still reads the matrix.\n")
        .beginControlFlow("try ($T wrapped = manager.create(values, new $T(rows, columns)))", Djl.ND_ARRAY, Djl.SHAPE)
        .addComment("duplicate() and a change of type both copy; toType() to the same type would not")
        .addStatement("return wrapped.getDataType() == dataType ? wrapped.duplicate() : wrapped.toType(dataType, false)")
        .endControlFlow()
        .build();

    MethodSpec windowMeans = MethodSpec.methodBuilder("windowMeans")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(float[].class)
        .addParameter(int.class, "out")
        .addParameter(long.class, "in")
        .addJavadoc("The {@code out x in} matrix whose row {@code i} averages output cell {@code i}'s window: 1 / its\n"
            + "length from {@code start(i)} to {@code end(i)}, 0 elsewhere.\n")
        .addStatement("float[] weights = new float[$T.toIntExact(out * in)]", Math.class)
        .beginControlFlow("for (int index = 0; index < out; index++)")
        .addStatement("long start = start(index, in, out)")
        .addStatement("long end = end(index, in, out)")
        .beginControlFlow("for (long at = start; at < end; at++)")
        .addStatement("weights[(int) (index * in + at)] = 1f / (end - start)")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return weights")
        .build();

    MethodSpec start = windowBound("start", "The first input index of output cell {@code index}: floor(index * in / out).",
        "return index * in / out");
    MethodSpec end = windowBound("end",
        "One past the last input index of output cell {@code index}: ceil((index + 1) * in / out).",
        "return ((index + 1) * in + out - 1) / out");

    MethodSpec outputShapes = BlockMethods.getOutputShapes()
        .addStatement("$T input = inputShapes[0]", Djl.SHAPE)
        .addStatement("return new $T[] {new $T(input.get(0), input.get(1), $N, $N)}", Djl.SHAPE, Djl.SHAPE,
            height, width)
        .build();

    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(Djl.ABSTRACT_BLOCK)
        .addJavadoc("Average pooling to a fixed height and width whatever the input's, as PyTorch's\n"
            + "{@code adaptive_avg_pool2d}: output cell {@code i} of {@code out} averages the input from\n"
            + "{@code floor(i * in / out)} to {@code ceil((i + 1) * in / out)}, so windows may overlap.\n"
            + "The averages are two matrix products, one over the rows and one over the columns: a handful of\n"
            + "engine calls, where a mean per output cell took hundreds. It has no parameters.\n")
        .addField(BlockMethods.version())
        .addField(height)
        .addField(width)
        .addMethod(constructor)
        .addMethod(BuilderMethods.builderFactory(builder, self.simpleName()))
        .addMethod(BlockMethods.accessor(height, "The output height.\n\n@return the output height"))
        .addMethod(BlockMethods.accessor(width, "The output width.\n\n@return the output width"))
        .addMethod(forward)
        .addMethod(engineMatrix)
        .addMethod(windowMeans)
        .addMethod(start)
        .addMethod(end)
        .addMethod(outputShapes)
        .addType(builderType(self, builder))
        .build();
  }

  private static MethodSpec windowBound(String name, String javadoc, String statement) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(long.class)
        .addParameter(int.class, "index")
        .addParameter(long.class, "in")
        .addParameter(int.class, "out")
        .addJavadoc("$L\n", javadoc)
        .addStatement(statement)
        .build();
  }

  private static TypeSpec builderType(ClassName self, ClassName builder) {
    CodeBlock none = CodeBlock.of("");
    FieldSpec height = BuilderMethods.field(TypeName.INT, "height", none);
    FieldSpec width = BuilderMethods.field(TypeName.INT, "width", none);
    return TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds an {@link $T}.\n", self)
        .addFields(List.of(height, width))
        .addMethod(BuilderMethods.constructor())
        .addMethod(MethodSpec.methodBuilder("setOutputSize")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addParameter(int.class, "height")
            .addParameter(int.class, "width")
            .addJavadoc("Sets the output's height and width.\n\n@param height the output height\n"
                + "@param width the output width\n@return this builder\n")
            .beginControlFlow("if (height <= 0 || width <= 0)")
            .addStatement("throw new $T($S + height + $S + width)", IllegalArgumentException.class,
                "the output size must be positive: ", "x")
            .endControlFlow()
            .addStatement("this.$N = height", height)
            .addStatement("this.$N = width", width)
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addJavadoc("Builds the block.\n\n@return the block\n@throws IllegalArgumentException if the output"
                + " size is not set\n")
            .beginControlFlow("if ($N <= 0)", height)
            .addStatement("throw new $T($S)", IllegalArgumentException.class, "the output size is not set")
            .endControlFlow()
            .addStatement("return new $T(this)", self)
            .build())
        .build();
  }
}
