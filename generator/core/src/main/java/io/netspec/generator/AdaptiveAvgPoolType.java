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
        .addStatement("long inputHeight = input.getShape().get(2)")
        .addStatement("long inputWidth = input.getShape().get(3)")
        .addStatement("$T rows = new $T($N)", Djl.ND_LIST, Djl.ND_LIST, height)
        .beginControlFlow("for (int row = 0; row < $N; row++)", height)
        .addStatement("$T cells = new $T($N)", Djl.ND_LIST, Djl.ND_LIST, width)
        .beginControlFlow("for (int column = 0; column < $N; column++)", width)
        .addStatement(CodeBlock.builder()
            .add("$T window = new $T($S,\n", Djl.ND_INDEX, Djl.ND_INDEX, ":, :, {}:{}, {}:{}")
            .add("start(row, inputHeight, $N), end(row, inputHeight, $N),\n", height, height)
            .add("start(column, inputWidth, $N), end(column, inputWidth, $N))", width, width)
            .build())
        .addComment("the mean of the rows' means: every row of a window has the same width")
        .addStatement("cells.add(input.get(window).mean(new int[] {3}, true).mean(new int[] {2}, true))")
        .endControlFlow()
        .addStatement("rows.add($T.concat(cells, 3))", Djl.ND_ARRAYS)
        .endControlFlow()
        .addStatement("return new $T($T.concat(rows, 2))", Djl.ND_LIST, Djl.ND_ARRAYS)
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
            + "It has no parameters.\n")
        .addField(BlockMethods.version())
        .addField(height)
        .addField(width)
        .addMethod(constructor)
        .addMethod(BuilderMethods.builderFactory(builder, self.simpleName()))
        .addMethod(BlockMethods.accessor(height, "The output height.\n\n@return the output height"))
        .addMethod(BlockMethods.accessor(width, "The output width.\n\n@return the output width"))
        .addMethod(forward)
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
